// Which columns the list shows, and in what order: tick fields on or off, move them up or down.
import { Button, Checkbox, Flex, Popover, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EntityMeta } from '@guanxi/contracts';

interface Props {
  entity: EntityMeta;
  columns: string[];
  onChange: (columns: string[]) => void;
}

export function ColumnChooser({ entity, columns, onChange }: Props) {
  const { t } = useTranslation();
  const candidates = entity.fields.filter((f) => f.name !== 'id' && f.name !== 'deletedAt');
  const ordered = [
    ...columns.map((name) => candidates.find((f) => f.name === name)).filter((f) => f !== undefined),
    ...candidates.filter((f) => !columns.includes(f.name)),
  ];
  const move = (name: string, by: number) => {
    const next = [...columns];
    const at = next.indexOf(name);
    const to = at + by;
    if (at < 0 || to < 0 || to >= next.length) return;
    [next[at], next[to]] = [next[to]!, next[at]!];
    onChange(next);
  };
  const content = (
    <Flex vertical gap={2} style={{ maxHeight: 360, overflowY: 'auto', minWidth: 220 }}>
      <Typography.Text type="secondary">{t('records.columns.hint')}</Typography.Text>
      {ordered.map((field) => {
        const shown = columns.includes(field.name);
        return (
          <Flex key={field.name} align="center" justify="space-between" gap={8}>
            <Checkbox
              checked={shown}
              disabled={shown && columns.length === 1}
              onChange={(e) => onChange(e.target.checked ? [...columns, field.name] : columns.filter((n) => n !== field.name))}
            >
              {field.label}
            </Checkbox>
            {shown && (
              <span>
                <Button
                  size="small"
                  type="text"
                  aria-label={t('records.columns.up', { field: field.label })}
                  onClick={() => move(field.name, -1)}
                >
                  ↑
                </Button>
                <Button
                  size="small"
                  type="text"
                  aria-label={t('records.columns.down', { field: field.label })}
                  onClick={() => move(field.name, 1)}
                >
                  ↓
                </Button>
              </span>
            )}
          </Flex>
        );
      })}
    </Flex>
  );
  return (
    <Popover content={content} trigger="click" placement="bottomRight" title={t('records.columns.title')}>
      <Button>{t('records.columns.button')}</Button>
    </Popover>
  );
}

/** Columns of a list without a saved view: the title, the first few fields, and the owner. */
export function defaultColumns(entity: EntityMeta): string[] {
  const own = entity.fields.filter(
    (f) =>
      !['id', 'ownerId', 'orgUnitId', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'deletedAt'].includes(f.name) &&
      f.type !== 'longText',
  );
  const names = [entity.titleField, ...own.map((f) => f.name).filter((n) => n !== entity.titleField)].slice(0, 5);
  return [...names, 'ownerId'];
}
