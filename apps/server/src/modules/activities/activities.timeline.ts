// The activities' timeline source: the calls, visits, meetings, tasks and notes of a customer and of its contacts that
// the caller may read, each with a one-line summary in the caller's language.
import { and, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Locale, TimelineEntry } from '@guanxi/contracts';
import { users } from '../../platform/access/access.schema.ts';
import { accessCondition } from '../../platform/access/recordAccess.ts';
import { localized } from '../../platform/entities/fields.ts';
import {
  beforePosition,
  timelineAt,
  timelineOrder,
  type TimelineQuery,
  type TimelineSource,
} from '../../platform/timeline/timeline.ts';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES, CALL_DIRECTIONS, CALL_OUTCOMES, PRIORITIES } from './activities.options.ts';
import { activities as a } from './activities.schema.ts';

type Activity = typeof a.$inferSelect;

/** Activities of the customer's contacts (moved to another customer since, too), read through the contact type. */
function ofContacts(query: TimelineQuery): SQL | undefined {
  const contact = query.registry.get('contact');
  const link = contact?.fields.customerId?.column;
  if (!contact || !link) return undefined;
  const ids = query.db
    .select({ id: contact.table.id })
    .from(contact.table as PgTable)
    .where(eq(link, query.customerId));
  return inArray(a.contactId, ids);
}

const optionLabel = (
  options: readonly { value: string; label: Parameters<typeof localized>[0] }[],
  value: string | null,
  locale: Locale,
) => {
  const option = options.find((o) => o.value === value);
  return option ? localized(option.label, locale) : null;
};

const MINUTES = { 'zh-CN': '分钟', 'zh-TW': '分鐘', en: ' min' } as const;

/** `呼出 · 5分钟 · 已接通`, `已完成 · 确认采购需求`, …: the few facts of the activity worth a line. */
function summarize(activity: Activity, locale: Locale, timeZone: string): string | null {
  const time = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' });
  const at = (d: Date | null) => (d ? time.format(d) : null);
  const status = optionLabel(ACTIVITY_STATUSES, activity.status, locale);
  let parts: (string | null)[];
  switch (activity.kind) {
    case 'call':
      parts = [
        optionLabel(CALL_DIRECTIONS, activity.direction, locale),
        activity.durationSeconds !== null ? `${Math.max(1, Math.round(activity.durationSeconds / 60))}${MINUTES[locale]}` : null,
        optionLabel(CALL_OUTCOMES, activity.outcome, locale),
      ];
      break;
    case 'visit':
      parts = [status, activity.checkInAddress, activity.purpose, activity.result];
      break;
    case 'meeting':
      parts = [[at(activity.startsAt), at(activity.endsAt)].filter(Boolean).join(' – '), activity.location];
      break;
    case 'task':
      parts = [status, optionLabel(PRIORITIES, activity.priority, locale), at(activity.dueAt)];
      break;
    default:
      parts = [activity.body];
  }
  const text = parts.filter((p) => p).join(' · ');
  return text ? text.slice(0, 300) : null;
}

export const activityTimelineSource: TimelineSource = {
  name: 'activities',
  types: Object.fromEntries(ACTIVITY_KINDS.map((k) => [k.value, k.label])),
  async find(query) {
    const rows = await query.db
      .select({ activity: a, at: timelineAt(a.occurredAt), actorName: users.displayName })
      .from(a)
      .leftJoin(users, eq(users.id, a.createdBy))
      .where(
        and(
          isNull(a.deletedAt),
          or(eq(a.customerId, query.customerId), ofContacts(query)),
          inArray(a.kind, query.types),
          accessCondition(query.actor, 'activity', 'read', a),
          beforePosition(a.occurredAt, a.id, query.before),
        ),
      )
      .orderBy(timelineOrder(a.occurredAt, a.id))
      .limit(query.limit);
    return rows.map(({ activity, at, actorName }): TimelineEntry => ({
      id: activity.id,
      at,
      type: activity.kind,
      title: activity.subject,
      summary: summarize(activity, query.locale, query.timeZone),
      recordType: 'activity',
      recordId: activity.id,
      actorId: activity.createdBy,
      actorName,
    }));
  },
};
