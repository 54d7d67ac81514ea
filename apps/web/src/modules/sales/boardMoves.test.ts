// The board's optimistic move keeps counts and sums exact to the fen.
import { describe, expect, it } from 'vitest';
import type { Board } from '@guanxi/contracts';
import { fromFen, moveCard, toFen } from './boardMoves.ts';

const stage = (id: string, probability: number, outcome: 'open' | 'won' | 'lost' = 'open') => ({
  id,
  name: id,
  position: 0,
  probability,
  outcome,
  active: true,
});

const board: Board = {
  pipeline: { id: 'p', name: '标准', isDefault: true, active: true, position: 0, version: 1, stages: [] },
  columns: [
    {
      stage: stage('a', 10),
      count: 2,
      amount: '300.30',
      weighted: '30.03',
      items: [
        { id: 'x', amount: '100.10', probability: 10 },
        { id: 'y', amount: '200.20', probability: 10 },
      ],
      nextCursor: null,
    },
    { stage: stage('won', 100, 'won'), count: 0, amount: '0.00', weighted: '0.00', items: [], nextCursor: null },
  ],
};

describe('board moves', () => {
  it('turn amounts into fen and back without losing one', () => {
    expect(toFen('0.1')).toBe(10n);
    expect(toFen('1234567.89')).toBe(123456789n);
    expect(fromFen(toFen('0.07') + toFen('0.03'))).toBe('0.10');
    expect(fromFen(-5n)).toBe('-0.05');
  });

  it('move a card with its amount: counts, sums and weighted sums follow to the fen', () => {
    const moved = moveCard(board, 'y', 'won');
    expect(moved.columns[0]).toMatchObject({ count: 1, amount: '100.10', weighted: '10.01' });
    expect(moved.columns[1]).toMatchObject({ count: 1, amount: '200.20', weighted: '200.20' });
    expect(moved.columns[1]!.items[0]).toMatchObject({ id: 'y', stageId: 'won', probability: 100 });
    // The original is untouched, so a refused move rolls back to it.
    expect(board.columns[0]!.count).toBe(2);
  });

  it('leave the board as it is for a card already in the target column or not on the board', () => {
    expect(moveCard(board, 'x', 'a')).toBe(board);
    expect(moveCard(board, 'zz', 'won')).toBe(board);
  });
});
