// A related list on the detail page (a customer's contacts, a widget's parts): the first fields of each related
// record, links to them, and a button that opens the related type's form already pointing at this record.
import { Button, Flex, Table, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { EntityMeta } from '@guanxi/contracts';
import { FieldValue } from './FieldValue.tsx';
import { defaultColumns } from './ColumnChooser.tsx';
import { useRelated, type ApiRecord } from './records.api.ts';

interface Props {
  entity: EntityMeta;
  id: string;
  relation: EntityMeta['relations'][number];
  child: EntityMeta;
}

export function RelatedList({ entity, id, relation, child }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const related = useRelated(entity.plural, id, relation.name);
  const columns = defaultColumns(child)
    .filter((name) => name !== relation.field)
    .map((name) => child.fields.find((f) => f.name === name))
    .filter((f) => f !== undefined);
  const canCreate = (child.permissions.create ?? 'none') !== 'none';

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">
          {related.data ? t('records.list.total', { count: related.data.total ?? related.data.items.length }) : ''}
        </Typography.Text>
        {canCreate && (
          <Button onClick={() => void navigate(`/${child.plural}/new?${encodeURIComponent(relation.field)}=${id}`)}>
            {t('records.list.create', { type: child.label })}
          </Button>
        )}
      </Flex>
      <div style={{ overflowX: 'auto' }}>
        <Table<ApiRecord>
          rowKey="id"
          size="small"
          loading={related.isPending}
          dataSource={related.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('records.list.empty') }}
          columns={columns.map((field) => ({
            key: field.name,
            title: field.label,
            render: (_: unknown, record) =>
              field.name === child.titleField ? (
                <Link to={`/${child.plural}/${record.id}`}>{String(record[field.name] ?? '—')}</Link>
              ) : (
                <FieldValue record={record} field={field} />
              ),
          }))}
        />
      </div>
    </>
  );
}
