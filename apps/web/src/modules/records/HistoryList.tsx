// The history tab: every change to the record from the audit log, newest first — who, when, through which
// channel, and each field's old and new value.
import { Empty, Spin, Table, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, EntityMeta } from '@guanxi/contracts';
import { formatDateTime, valueText } from './fieldValues.ts';
import { useHistory } from './records.api.ts';

export function HistoryList({ entity, id }: { entity: EntityMeta; id: string }) {
  const { t } = useTranslation();
  const history = useHistory(entity.plural, id);
  if (history.isPending) return <Spin />;
  if (history.isError) return <Typography.Text type="danger">{history.error.message}</Typography.Text>;
  if (!history.data.length) return <Empty description={t('records.history.empty')} />;
  const yesNo: [string, string] = [t('records.yes'), t('records.no')];
  const text = (name: string, value: unknown) => {
    const field = entity.fields.find((f) => f.name === name || f.name === `custom.${name.replace(/^custom\./, '')}`);
    return field ? valueText(field, value, yesNo) : value === null || value === undefined ? '—' : String(value);
  };
  const label = (name: string) =>
    entity.fields.find((f) => f.name === name)?.label ??
    t(`records.history.fields.${name}` as 'records.history.fields.attachment', { defaultValue: name });
  const action = (entry: AuditEntry) => {
    const key = `records.history.actions.${entry.action}`;
    return t(key as 'records.history.actions.update', { defaultValue: entry.action });
  };

  return (
    <Timeline
      items={history.data.map((entry) => ({
        key: entry.id,
        children: (
          <>
            <Typography.Text strong>
              {t('records.history.line', { who: entry.userName ?? t('records.history.system'), action: action(entry) })}
            </Typography.Text>{' '}
            <Typography.Text type="secondary">
              {formatDateTime(entry.at)} ·{' '}
              {t(`records.history.sources.${entry.source}` as 'records.history.sources.ui', { defaultValue: entry.source })}
            </Typography.Text>
            {entry.changes.length > 0 && entry.action !== 'update' && (
              // What another kind of entry is about: the file attached, what a merge moved, an approval's step …
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                {entry.changes.map((c) => `${label(c.field)}：${text(c.field, c.new ?? c.old)}`).join('；')}
              </Typography.Paragraph>
            )}
            {entry.changes.length > 0 && entry.action === 'update' && (
              <Table
                size="small"
                pagination={false}
                style={{ marginTop: 8 }}
                rowKey="field"
                dataSource={entry.changes}
                columns={[
                  { title: t('records.history.field'), key: 'field', render: (_, c) => label(c.field) },
                  { title: t('records.history.old'), key: 'old', render: (_, c) => text(c.field, c.old) },
                  { title: t('records.history.new'), key: 'new', render: (_, c) => text(c.field, c.new) },
                ]}
              />
            )}
          </>
        ),
      }))}
    />
  );
}
