// The board's optimistic move: the card leaves its column and joins the target's top, counts and sums follow, to the
// fen (amounts are decimal strings, added as whole fen so no float rounding creeps in). The server's answer replaces it.
import type { Board } from '@guanxi/contracts';

/** "1234.5" → 123450n fen. */
export function toFen(amount: unknown): bigint {
  if (typeof amount !== 'string' || !/^-?\d+(\.\d{1,2})?$/.test(amount)) return 0n;
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = amount.replace('-', '').split('.');
  const fen = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return negative ? -fen : fen;
}

export function fromFen(fen: bigint): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  return `${negative ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** The board after moving one card to `toStageId`; the same board when the card is not on it or already there. */
export function moveCard(board: Board, cardId: string, toStageId: string): Board {
  const from = board.columns.find((c) => c.items.some((i) => i.id === cardId));
  const to = board.columns.find((c) => c.stage.id === toStageId);
  if (!from || !to || from === to) return board;
  const card = from.items.find((i) => i.id === cardId)!;
  const amount = toFen(card.amount);
  const weight = (probability: number) => (amount * BigInt(probability)) / 100n;
  const cardProbability = typeof card.probability === 'number' ? card.probability : from.stage.probability;
  return {
    ...board,
    columns: board.columns.map((column) => {
      if (column === from)
        return {
          ...column,
          count: column.count - 1,
          amount: fromFen(toFen(column.amount) - amount),
          weighted: fromFen(toFen(column.weighted) - weight(cardProbability)),
          items: column.items.filter((i) => i.id !== cardId),
        };
      if (column === to)
        return {
          ...column,
          count: column.count + 1,
          amount: fromFen(toFen(column.amount) + amount),
          weighted: fromFen(toFen(column.weighted) + weight(to.stage.probability)),
          items: [{ ...card, stageId: toStageId, probability: to.stage.probability }, ...column.items],
        };
      return column;
    }),
  };
}
