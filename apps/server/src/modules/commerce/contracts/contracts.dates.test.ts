// The renewal term: whole months stay whole months (also across a leap year and at month ends), other terms keep their days.
import { describe, expect, it } from 'vitest';
import { addMonths, renewalTerm } from './contracts.dates.ts';

describe('contract dates', () => {
  it('renews a term of whole months for as many months', () => {
    expect(renewalTerm('2026-01-01', '2026-12-31')).toEqual({ startDate: '2027-01-01', endDate: '2027-12-31' });
    expect(renewalTerm('2027-01-01', '2027-12-31')).toEqual({ startDate: '2028-01-01', endDate: '2028-12-31' });
    expect(renewalTerm('2026-03-15', '2026-09-14')).toEqual({ startDate: '2026-09-15', endDate: '2027-03-14' });
    expect(renewalTerm('2025-12-01', '2026-02-28')).toEqual({ startDate: '2026-03-01', endDate: '2026-05-31' });
  });

  it('renews any other term for as many days', () => {
    expect(renewalTerm('2026-03-10', '2026-04-08')).toEqual({ startDate: '2026-04-09', endDate: '2026-05-08' });
    expect(renewalTerm('2026-06-01', '2026-06-01')).toEqual({ startDate: '2026-06-02', endDate: '2026-06-02' });
  });

  it('adds months without running past the end of a short month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-29', -12)).toBe('2025-11-29');
  });
});
