// What commerce keeps about a customer outside the kit's reference fields moves with a customer merge: the
// customer's own price lists, and the receivables copied from their orders (instalments, payments and the credit they
// hold). Orders, quotes and contracts move as kit references (customers.merge.ts repointReferences).
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { registerCustomerMergeStep } from '../customers/customers.merge.ts';
import { priceLists } from './catalog/catalog.schema.ts';
import { instalments, payments } from './receivables/receivables.schema.ts';

const moveRows =
  (table: typeof priceLists | typeof instalments | typeof payments) =>
  async (db: DbOrTx, sourceId: string, targetId: string): Promise<number> =>
    (
      await db
        .update(table)
        .set({ customerId: targetId } as never)
        .where(eq(table.customerId, sourceId))
        .returning({ id: table.id })
    ).length;

registerCustomerMergeStep('priceList.customerId', moveRows(priceLists));
registerCustomerMergeStep('instalment.customerId', moveRows(instalments));
registerCustomerMergeStep('payment.customerId', moveRows(payments));
