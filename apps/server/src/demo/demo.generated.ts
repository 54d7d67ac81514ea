// Writes the generated part of the demo (generator/demo.generator.ts) after the hand-written customers: a few
// thousand customers with identifiers, contacts and activities, owned by the demo users of the branch their province
// belongs to, through the entity kit's bulk path (createRecords), so audit, search and reminders apply as to any
// record. Batches of rows in order, each in one transaction with an audit entry saying how far the demo got; the next
// start reads it and goes on from there, so a crash or a stop mid-way never leaves a half-written batch or a repeat.
import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../platform/db/db.ts';
import { auditLog } from '../platform/audit/audit.schema.ts';
import { recordAudit } from '../platform/audit/audit.service.ts';
import { generateCustomers, type GeneratedCustomer } from './generator/demo.generator.ts';
import { DEMO_CUSTOMER_NAMES } from './demo.customers.data.ts';
import { prepareDemoWriter, writeDemoCustomers, type DemoOwner } from './demo.writer.ts';

/** Seed of the demo every install gets; change it and every generated customer changes. */
export const DEMO_SEED = 2026;

/** Rows per transaction: enough for the bulk path to pay off, few enough to keep a batch under a second or two. */
const BATCH = 50;

/** The audit entries that record the generator's progress are about this record of type `demo`. */
const PROGRESS = { recordType: 'demo', recordId: '00000000-0000-7000-8000-00000000d3e0', action: 'generate' } as const;

/** Serialises batch writers of several servers starting on one database. */
const BATCH_LOCK_KEY = 4_231_103;

type Branch = 'EAST' | 'WEST' | 'SOUTH';
const provinces = (list: string, branch: Branch) => list.split(' ').map((p) => [p, branch] as const);

/** Which branch serves a province. */
const BRANCH_OF: Record<string, Branch> = Object.fromEntries([
  ...provinces(
    '北京市 天津市 河北省 山西省 内蒙古自治区 辽宁省 吉林省 黑龙江省 上海市 江苏省 浙江省 安徽省 山东省 河南省',
    'EAST',
  ),
  ...provinces('湖北省 重庆市 四川省 贵州省 云南省 西藏自治区 陕西省 甘肃省 青海省 宁夏回族自治区 新疆维吾尔自治区', 'WEST'),
  ...provinces('福建省 江西省 湖南省 广东省 广西壮族自治区 海南省', 'SOUTH'),
]);

/** The demo owners of each branch, with their share of its customers. */
const OWNERS_OF: Record<Branch, readonly (readonly [DemoOwner, number])[]> = {
  EAST: [
    ['wangfang@EAST-S1', 0.6],
    ['lina@EAST', 0.4],
  ],
  WEST: [['liuyang@WEST-S1', 1]],
  SOUTH: [
    ['chenjing@SOUTH-CS', 0.55],
    ['zhangwei@SOUTH', 0.45],
  ],
};

/** The owner of a generated row, spread over its branch's users by the row number, so it is fixed too. */
function ownerOf(customer: GeneratedCustomer): DemoOwner {
  const owners = OWNERS_OF[BRANCH_OF[customer.customer.province] ?? 'EAST'];
  let point = ((customer.row * 2_654_435_761) >>> 0) / 2 ** 32;
  for (const [owner, share] of owners) if ((point -= share) < 0) return owner;
  return owners[0]![0];
}

export interface GeneratedDemoOptions {
  /** Generated customers wanted in all (those already written count). */
  count: number;
  seed?: number;
  /** "Today" for the generated dates; default now. */
  anchor?: number;
  /** Checked between batches: a stopping server ends the seeding after the batch in progress. */
  signal?: AbortSignal;
  onBatch?: (done: number, count: number) => void;
  /**
   * A rest after each batch. On PGlite's one connection a request runs its queries one after another, each queued
   * behind the next batch unless the seeder rests long enough for the whole request to get through.
   */
  pauseMs?: number;
}

/** Rows of the stream already written: the furthest point any batch recorded. */
export async function generatedRowsWritten(db: DbOrTx): Promise<number> {
  const rows = await db
    .select({ to: sql<number | null>`max((${auditLog.changes} -> 0 ->> 'new')::int)` })
    .from(auditLog)
    .where(and(eq(auditLog.recordType, PROGRESS.recordType), eq(auditLog.recordId, PROGRESS.recordId)));
  return Number(rows[0]?.to ?? 0);
}

/**
 * Writes generated customers up to `count` in all, going on from the rows earlier runs wrote. Answers how many this
 * call wrote (0 when the demo is complete). Needs the demo users and org units of demo.seed.ts.
 */
export async function seedGeneratedCustomers(db: Db, options: GeneratedDemoOptions): Promise<number> {
  const from = await generatedRowsWritten(db);
  if (from >= options.count) return 0;
  const writer = await prepareDemoWriter(db);
  if (!writer) return 0;
  const stream = generateCustomers({
    seed: options.seed ?? DEMO_SEED,
    anchor: options.anchor ?? Date.now(),
    count: options.count,
    from,
    reservedNames: DEMO_CUSTOMER_NAMES,
  });
  let written = 0;
  let batch: GeneratedCustomer[] = [];
  const flush = async () => {
    const rows = batch;
    batch = [];
    const [first, last] = [rows[0]!.row, rows[rows.length - 1]!.row + 1];
    await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${BATCH_LOCK_KEY})`);
      // Another server on the same database may have written these rows meanwhile.
      if ((await generatedRowsWritten(tx)) >= last) return;
      await writeDemoCustomers(
        tx,
        writer,
        rows.map((customer) => ({ owner: ownerOf(customer), customer })),
      );
      await recordAudit(tx, null, { ...PROGRESS, changes: [{ field: 'rows', old: first, new: last }] });
      written += rows.length;
    });
    options.onBatch?.(last, options.count);
  };
  for (const generated of stream) {
    batch.push(generated);
    if (batch.length === BATCH) {
      await flush();
      if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
      if (options.signal?.aborted) return written;
    }
  }
  if (batch.length) await flush();
  return written;
}

/** The demo's size in customers (GUANXI_DEMO_CUSTOMERS): the hand-written ones, then generated ones up to it. */
export const generatedCount = (demoCustomers: number): number => Math.max(0, demoCustomers - DEMO_CUSTOMER_NAMES.length);

interface Logger {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/**
 * Fills the demo up to `demoCustomers` in the background, after the server listens (the hand-written customers the
 * demo users start with are there already). `stop` lets the batch in progress commit and waits for it.
 */
export function fillDemoInBackground(
  db: Db,
  options: { demoCustomers: number; pauseMs: number; log: Logger },
): { stop(): Promise<void> } {
  const { demoCustomers, pauseMs, log } = options;
  const controller = new AbortController();
  const count = generatedCount(demoCustomers);
  const started = Date.now();
  const running = seedGeneratedCustomers(db, {
    count,
    signal: controller.signal,
    pauseMs,
    onBatch: (done) => done % 1000 === 0 && log.info({ done, count }, 'demo: generated customers written'),
  }).then(
    (written) => {
      if (written) log.info({ written, seconds: (Date.now() - started) / 1000 }, 'demo: generated customers ready');
    },
    (err: unknown) => log.error({ err }, 'demo: generating customers failed; the next start goes on from the last batch'),
  );
  return {
    async stop() {
      controller.abort();
      await running;
    },
  };
}
