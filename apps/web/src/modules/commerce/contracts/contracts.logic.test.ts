import { describe, expect, it } from 'vitest';
import { nextDay, renewalState } from './contracts.logic.ts';

describe('contract renewal state', () => {
  it('counts the days to the end date and marks those within the reminder days as due', () => {
    expect(renewalState({ status: 'active', endDate: '2026-12-31' }, '2026-11-29')).toEqual({ kind: 'running', days: 32 });
    expect(renewalState({ status: 'active', endDate: '2026-12-31' }, '2026-12-01')).toEqual({ kind: 'due', days: 30 });
    expect(renewalState({ status: 'active', endDate: '2026-12-31', renewalReminderDays: 60 }, '2026-11-29')).toEqual({
      kind: 'due',
      days: 32,
    });
    expect(renewalState({ status: 'active', endDate: '2026-12-31' }, '2026-12-31')).toEqual({ kind: 'due', days: 0 });
  });

  it('tells a contract past its end, and the closed ones, apart', () => {
    expect(renewalState({ status: 'active', endDate: '2026-12-31' }, '2027-01-02')).toEqual({ kind: 'overdue', days: 2 });
    expect(renewalState({ status: 'expired', endDate: '2026-12-31' }, '2027-01-02')).toEqual({ kind: 'expired' });
    expect(renewalState({ status: 'renewed', endDate: '2026-12-31' }, '2026-12-01')).toEqual({ kind: 'renewed' });
    expect(renewalState({ status: 'draft', endDate: null }, '2026-12-01')).toBeUndefined();
  });

  it('starts a renewal the day after the end, across months and leap days', () => {
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
  });
});
