// One stage of the opportunity board: its name, count and sums, its cards, and "load more". Cards are dragged to
// another column, or moved with their "移动到…" menu (the keyboard and single-pointer way, WCAG 2.5.7).
import { useState, type DragEvent } from 'react';
import { Button, Card, Dropdown, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BoardColumn as Column, Stage } from '@guanxi/contracts';
import { formatDate, formatDecimal } from '../records/fieldValues.ts';

type CardData = Column['items'][number];

/** The card being dragged, shared by the columns (what a drag carries in dataTransfer differs between browsers). */
export interface DragState {
  current: string | null;
}

interface Props {
  dragging: DragState;
  column: Column;
  stages: Stage[];
  onMove: (card: CardData, to: Stage) => void;
  onMore: () => void;
  loadingMore: boolean;
}

const money = (amount: unknown) => `¥${formatDecimal(String(amount ?? '0'))}`;

function OpportunityCard({
  card,
  stages,
  from,
  onMove,
  dragging,
}: {
  card: CardData;
  stages: Stage[];
  from: Stage;
  onMove: Props['onMove'];
  dragging: DragState;
}) {
  const { t } = useTranslation();
  const name = String(card.name ?? '');
  const titles = (card.titles ?? {}) as Record<string, string>;
  const targets = stages.filter((s) => s.id !== from.id && s.active);
  return (
    <Card
      size="small"
      draggable
      onDragStart={(e: DragEvent) => {
        dragging.current = String(card.id);
        e.dataTransfer.setData('text/plain', name);
        e.dataTransfer.effectAllowed = 'move';
      }}
      onDragEnd={() => (dragging.current = null)}
      style={{ cursor: 'grab' }}
      data-testid={`card-${card.id}`}
    >
      <Flex justify="space-between" align="start" gap={4}>
        <Link to={`/opportunities/${card.id}`} style={{ fontWeight: 600 }}>
          {name}
        </Link>
        <Dropdown
          trigger={['click']}
          menu={{
            items: targets.map((s) => ({ key: s.id, label: s.name })),
            onClick: ({ key }) =>
              onMove(
                card,
                targets.find((s) => s.id === key)!,
              ),
          }}
        >
          <Button size="small" type="text" aria-label={t('sales.board.moveMenu', { name })}>
            {t('sales.board.moveTo')}
          </Button>
        </Dropdown>
      </Flex>
      <Typography.Text type="secondary" style={{ display: 'block' }}>
        {titles.customerId ?? ''}
      </Typography.Text>
      <Flex justify="space-between" wrap gap={4}>
        <Typography.Text strong>{money(card.amount)}</Typography.Text>
        {typeof card.expectedCloseDate === 'string' && (
          <Typography.Text type="secondary">
            {t('sales.board.closes', { date: formatDate(card.expectedCloseDate) })}
          </Typography.Text>
        )}
      </Flex>
      <Typography.Text type="secondary">{String(card.ownerName ?? '')}</Typography.Text>
    </Card>
  );
}

export function BoardColumn({ dragging, column, stages, onMove, onMore, loadingMore }: Props) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const label = t('sales.board.columnLabel', { stage: column.stage.name, count: column.count, amount: money(column.amount) });
  return (
    <section
      aria-label={label}
      onDragOver={(e) => {
        if (!dragging.current) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const id = dragging.current;
        dragging.current = null;
        if (id) onMove({ id }, column.stage);
      }}
      style={{
        flex: '0 0 auto',
        width: 'min(280px, 85vw)',
        scrollSnapAlign: 'start',
        background: 'rgba(0, 0, 0, 0.03)',
        borderRadius: 8,
        padding: 8,
        outline: over ? '2px dashed #1677ff' : undefined,
      }}
    >
      <header style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
          {column.stage.name} <Typography.Text type="secondary">· {column.stage.probability}%</Typography.Text>
        </Typography.Title>
        <Typography.Text type="secondary" style={{ display: 'block' }}>
          {t('sales.board.count', { count: column.count })} · {t('sales.board.sum', { amount: money(column.amount) })}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('sales.board.weighted', { amount: money(column.weighted) })}
        </Typography.Text>
      </header>
      <Flex vertical gap={8}>
        {column.items.map((card) => (
          <OpportunityCard
            key={String(card.id)}
            card={card}
            stages={stages}
            from={column.stage}
            onMove={onMove}
            dragging={dragging}
          />
        ))}
        {column.items.length === 0 && <Typography.Text type="secondary">{t('sales.board.empty')}</Typography.Text>}
        {column.nextCursor && (
          <Button onClick={onMore} loading={loadingMore}>
            {t('sales.board.more')}
          </Button>
        )}
      </Flex>
    </section>
  );
}
