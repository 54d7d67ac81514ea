// A table on a desktop, a card per row on a phone: the first column is the card's title, the others label: value
// lines, a column with the key `actions` the card's footer. The commerce pages' tables have too many columns to
// scroll sideways on 390 px.
import type { ReactNode } from 'react';
import { Card, Flex, Grid, Table, Typography, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';

type Props<T> = Omit<TableProps<T>, 'columns'> & { columns: ColumnType<T>[]; dataSource?: readonly T[] };

function cell<T>(column: ColumnType<T>, row: T, index: number): ReactNode {
  const value = column.dataIndex !== undefined ? (row as Record<string, unknown>)[column.dataIndex as string] : undefined;
  return column.render ? (column.render(value, row, index) as ReactNode) : (value as ReactNode);
}

export function ResponsiveTable<T extends object>(props: Props<T>) {
  const wide = Grid.useBreakpoint().md !== false;
  if (wide) return <Table<T> {...props} />;
  const { columns, dataSource = [], rowKey, loading } = props;
  const [first, ...rest] = columns;
  const actions = rest.find((c) => c.key === 'actions');
  const details = rest.filter((c) => c !== actions);
  const keyOf = (row: T, i: number) =>
    typeof rowKey === 'function'
      ? String(rowKey(row, i))
      : String((row as Record<string, unknown>)[String(rowKey ?? 'key')] ?? i);
  if (loading) return <Card loading size="small" />;
  return (
    <Flex vertical gap={8}>
      {dataSource.length === 0 && <Typography.Text type="secondary">{props.locale?.emptyText as ReactNode}</Typography.Text>}
      {dataSource.map((row, i) => (
        <Card key={keyOf(row, i)} size="small" styles={{ body: { padding: 12 } }}>
          <div style={{ fontWeight: 600, marginBottom: 4 }}>{first && cell(first, row, i)}</div>
          {details.map((column, k) => (
            <Flex key={k} gap={8} justify="space-between" style={{ padding: '2px 0' }}>
              <Typography.Text type="secondary" style={{ flex: 'none' }}>
                {column.title as ReactNode}
              </Typography.Text>
              <span style={{ textAlign: 'right', minWidth: 0 }}>{cell(column, row, i)}</span>
            </Flex>
          ))}
          {actions && <div style={{ marginTop: 4, marginLeft: -8 }}>{cell(actions, row, i)}</div>}
        </Card>
      ))}
    </Flex>
  );
}
