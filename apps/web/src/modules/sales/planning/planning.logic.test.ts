// Periods round-trip in the API's names, drills open the right list with its filters, and a split is checked
// against its parent to the fen.
import { describe, expect, it } from 'vitest';
import { drillPath, parsePeriod, periodOf, periodStart, progressPercent, splitSummary } from './planning.logic.ts';

describe('periods', () => {
  it('names the period holding a day', () => {
    expect(periodOf('year', 2026, 11)).toBe('2026');
    expect(periodOf('quarter', 2026, 11)).toBe('2026-Q4');
    expect(periodOf('quarter', 2027, 1)).toBe('2027-Q1');
    expect(periodOf('month', 2026, 3)).toBe('2026-03');
  });

  it('reads a period back and finds its first day', () => {
    expect(parsePeriod('2026-Q2')).toEqual({ kind: 'quarter', year: 2026, quarter: 2 });
    expect(parsePeriod('2026-13')).toBeUndefined();
    expect(periodStart('2026-Q2')).toBe('2026-04-01');
    expect(periodStart('2026-11')).toBe('2026-11-01');
    expect(periodStart('2026')).toBe('2026-01-01');
  });
});

describe('drillPath', () => {
  it('opens the list page of the record type with the filters in the address', () => {
    const path = drillPath({
      recordType: 'opportunity',
      query: { 'filter[ownerId][eq]': 'u1', 'filter[closedAt][gte]': '2026-09-30T16:00:00.000Z' },
    });
    expect(path.startsWith('/opportunities?')).toBe(true);
    const params = new URLSearchParams(path.split('?')[1]);
    expect(params.get('filter[ownerId][eq]')).toBe('u1');
    expect(params.get('filter[closedAt][gte]')).toBe('2026-09-30T16:00:00.000Z');
    expect(drillPath({ recordType: 'activity', query: {} })).toBe('/activities');
  });
});

describe('splitSummary', () => {
  it('adds the parts to the fen and tells what remains', () => {
    expect(splitSummary('1000000.00', ['333333.33', '333333.33', '333333.34'])).toEqual({
      total: '1000000.00',
      remaining: '0.00',
      exceeds: false,
      invalid: [],
    });
    expect(splitSummary('100', ['60', '', undefined])).toMatchObject({ total: '60.00', remaining: '40.00', exceeds: false });
  });

  it('flags parts over the parent and values that are not amounts', () => {
    expect(splitSummary('100.00', ['80', '20.01'])).toMatchObject({ remaining: '-0.01', exceeds: true });
    expect(splitSummary('100', ['-5', '1.234', 'abc', '10']).invalid).toEqual([0, 1, 2]);
    expect(splitSummary('30', ['10', '2.5'], true).invalid).toEqual([1]);
  });
});

describe('progressPercent', () => {
  it('caps at 100 and has none without a target', () => {
    expect(progressPercent(135.5)).toBe(100);
    expect(progressPercent(42.1)).toBe(42.1);
    expect(progressPercent(null)).toBeUndefined();
  });
});
