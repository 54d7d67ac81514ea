// The list on a phone: one card per record with its title and the view's first columns, a checkbox to select it
// for bulk actions, and the whole card as a link to the record.
import { Card, Checkbox, Descriptions, Flex } from 'antd';
import { Link } from 'react-router';
import type { EntityMeta, FieldMeta } from '@guanxi/contracts';
import { FieldValue } from './FieldValue.tsx';
import type { ApiRecord } from './records.api.ts';

interface Props {
  entity: EntityMeta;
  columns: FieldMeta[];
  records: ApiRecord[];
  selected: string[];
  onSelect: (ids: string[]) => void;
  selectLabel: (title: string) => string;
}

export function RecordCards({ entity, columns, records, selected, onSelect, selectLabel }: Props) {
  const details = columns.filter((c) => c.name !== entity.titleField).slice(0, 4);
  return (
    <Flex vertical gap={8}>
      {records.map((record) => {
        const title = String(record[entity.titleField] ?? '');
        const checked = selected.includes(record.id);
        return (
          <Card key={record.id} size="small" styles={{ body: { padding: 12 } }}>
            <Flex gap={12} align="flex-start">
              <Checkbox
                aria-label={selectLabel(title)}
                checked={checked}
                onChange={(e) =>
                  onSelect(e.target.checked ? [...selected, record.id] : selected.filter((id) => id !== record.id))
                }
                style={{ padding: 4, margin: -4 }}
              />
              <div style={{ minWidth: 0, flex: 1 }}>
                <Link
                  to={`/${entity.plural}/${record.id}`}
                  style={{ fontWeight: 600, fontSize: 16, display: 'block', padding: '2px 0' }}
                >
                  {title || '—'}
                </Link>
                <Descriptions
                  size="small"
                  column={1}
                  colon={false}
                  items={details.map((field) => ({
                    key: field.name,
                    label: field.label,
                    children: <FieldValue record={record} field={field} />,
                  }))}
                />
              </div>
            </Flex>
          </Card>
        );
      })}
    </Flex>
  );
}
