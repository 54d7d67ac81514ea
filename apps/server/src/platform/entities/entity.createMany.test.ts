// createRecords (the kit's bulk create) against createRecord: the same stored row, audit entry, search document
// and errors, row for row; and a row the database refuses inside a multi-row insert fails alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/harness/testApp.ts';
import { buildAdmin } from '../../../test/factories/access.ts';
import { loadSystemActor } from '../access/actor.ts';
import type { Actor } from '../http/context.ts';
import { AppError } from '../http/errors.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { searchDocuments } from '../search/search.schema.ts';
import { fixtureEntities } from './fixture/fixture.entities.ts';
import { testWidgets } from './fixture/fixture.schema.ts';
import { createRecord } from './entity.write.ts';
import { createRecords, isRowDataError } from './entity.createMany.ts';
import type { KitContext } from './entity.read.ts';

describe('entity kit: createRecords', () => {
  let t: TestApp;
  let actor: Actor;
  const ctxOf = (type: string, db = t.db): KitContext => ({
    db,
    actor,
    registry: t.app.entities,
    descriptor: t.app.entities.get(type)!,
  });
  beforeAll(async () => {
    t = await createTestApp({ extraEntities: fixtureEntities });
    actor = (await loadSystemActor(t.db, (await buildAdmin(t.db)).user.id, 'import'))!;
  });
  afterAll(async () => t?.close());

  const auditOf = async (id: string) =>
    (await t.db.select().from(auditLog).where(eq(auditLog.recordId, id))).map((a) => ({
      action: a.action,
      changes: a.changes,
      source: a.source,
      userId: a.userId,
    }));
  const documentOf = async (id: string) => {
    const [doc] = await t.db.select().from(searchDocuments).where(eq(searchDocuments.recordId, id));
    const { recordId: _id, updatedAt: _at, ...rest } = doc!;
    return rest;
  };

  it('writes the same record, audit entry and search document as createRecord, and the same errors', async () => {
    const bodies = [
      {
        name: '北京东区邮政',
        code: 'BJ-01',
        status: 'active',
        amount: '12345.6',
        quantity: 3,
        dueDate: '2026-12-31',
        remindAt: '2026-12-30T09:00:00+08:00',
        urgent: true,
        email: 'Li.Na@Example.COM',
        notes: '多行\n备注',
      },
      { name: '上海仓库', status: 'draft' },
      { name: '坏的', status: 'nope', quantity: 1.5 },
      { status: 'draft' },
    ];
    const single = [];
    for (const body of bodies) {
      try {
        single.push({ ok: true as const, record: await t.db.transaction((db) => createRecord(ctxOf('testWidget', db), body)) });
      } catch (error) {
        single.push({ ok: false as const, error });
      }
    }
    const many = await t.db.transaction((db) => createRecords(ctxOf('testWidget', db), bodies));
    expect(many.map((o) => o.ok)).toEqual([true, true, false, false]);
    for (const [i, outcome] of many.entries()) {
      const one = single[i]!;
      if (!outcome.ok || !one.ok) {
        // The same error, naming the same fields.
        expect(outcome.ok).toBe(one.ok);
        const [a, b] = [outcome, one].map((o) => (o.ok ? undefined : (o.error as AppError)));
        expect(a).toBeInstanceOf(AppError);
        expect({ code: a!.code, details: a!.details }).toEqual({ code: b!.code, details: b!.details });
        continue;
      }
      const strip = (r: Record<string, unknown>) => {
        const { id: _id, createdAt: _c, updatedAt: _u, titles: _t, access: _a, ownerName: _o, orgUnitName: _n, ...rest } = r;
        return rest;
      };
      expect(strip(outcome.record)).toEqual(strip(one.record));
      expect(await auditOf(outcome.record.id)).toEqual(await auditOf(one.record.id));
      expect(await documentOf(outcome.record.id)).toEqual(await documentOf(one.record.id));
    }
    const validation = many[2]!.ok ? undefined : (many[2]!.error as AppError);
    expect(validation?.details?.map((d) => d.field).sort()).toEqual(['quantity', 'status']);
  });

  it('checks references in one go: a part of a missing widget fails, the others are created', async () => {
    const widget = (
      await t.db.transaction((db) => createRecords(ctxOf('testWidget', db), [{ name: '主件', status: 'draft' }]))
    )[0]!;
    expect(widget.ok).toBe(true);
    const widgetId = widget.ok ? widget.record.id : '';
    const missing = '01900000-0000-7000-8000-000000000000';
    const outcomes = await t.db.transaction((db) =>
      createRecords(ctxOf('testWidgetPart', db), [
        { widgetId, name: '零件一', quantity: 2 },
        { widgetId: missing, name: '零件二', quantity: 2 },
        { widgetId, name: '零件三', quantity: 5 },
      ]),
    );
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    const error = outcomes[1]!.ok ? undefined : (outcomes[1]!.error as AppError);
    expect(error?.details).toEqual([{ field: 'widgetId', code: 'not_found_reference', message: 'not_found_reference' }]);
  });

  it('lets only the row the database refuses fail inside a multi-row insert', async () => {
    // A NUL character passes validation but PostgreSQL refuses it in text (SQLSTATE 22…): a row data error.
    const names = ['批量一', '批量\u0000二', '批量三'];
    const outcomes = await t.db.transaction((db) =>
      createRecords(
        ctxOf('testWidget', db),
        names.map((name) => ({ name, status: 'draft' })),
      ),
    );
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect(isRowDataError(outcomes[1]!.ok ? undefined : outcomes[1]!.error)).toBe(true);
    const stored = await t.db
      .select({ name: testWidgets.name })
      .from(testWidgets)
      .where(inArray(testWidgets.name, ['批量一', '批量三']));
    expect(stored.map((r) => r.name).sort()).toEqual(['批量一', '批量三']);
    const audited = await t.db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'create'),
          inArray(
            auditLog.recordId,
            outcomes.flatMap((o) => (o.ok ? [o.record.id] : [])),
          ),
        ),
      );
    expect(audited).toHaveLength(2);
  });
});
