// Reordering keeps every item once and moves only the one asked for; server field paths become form name paths.
import { describe, expect, it } from 'vitest';
import { fieldPath, focusAfterStep, moveItem, stepTarget } from './ordering.ts';

describe('moveItem', () => {
  const stages = ['初步接洽', '需求确认', '方案报价', '赢单', '输单'];

  it('moves an item down and up, the others keep their order', () => {
    expect(moveItem(stages, 0, 2)).toEqual(['需求确认', '方案报价', '初步接洽', '赢单', '输单']);
    expect(moveItem(stages, 4, 1)).toEqual(['初步接洽', '输单', '需求确认', '方案报价', '赢单']);
  });

  it('leaves the list as it is for a move to the same place or out of range, without changing the input', () => {
    expect(moveItem(stages, 2, 2)).toEqual(stages);
    expect(moveItem(stages, -1, 2)).toEqual(stages);
    expect(moveItem(stages, 1, 5)).toEqual(stages);
    expect(stages[0]).toBe('初步接洽');
  });
});

describe('stepTarget', () => {
  it('stops at both ends', () => {
    expect(stepTarget(0, -1, 3)).toBeUndefined();
    expect(stepTarget(2, 1, 3)).toBeUndefined();
    expect(stepTarget(1, -1, 3)).toBe(0);
    expect(stepTarget(1, 1, 3)).toBe(2);
  });
});

describe('fieldPath', () => {
  it('turns list positions into numbers, as form lists name their rows', () => {
    expect(fieldPath('stages.2.probability')).toEqual(['stages', 2, 'probability']);
    expect(fieldPath('rules.0.targetUserId')).toEqual(['rules', 0, 'targetUserId']);
    expect(fieldPath('key')).toEqual(['key']);
  });
});

describe('focusAfterStep', () => {
  it('keeps the pressed direction, or the other one when the row reached an end', () => {
    expect(focusAfterStep('rule', 1, -1, 3)).toBe('rule-up-1');
    expect(focusAfterStep('rule', 0, -1, 3)).toBe('rule-down-0');
    expect(focusAfterStep('rule', 1, 1, 3)).toBe('rule-down-1');
    expect(focusAfterStep('rule', 2, 1, 3)).toBe('rule-up-2');
  });
});
