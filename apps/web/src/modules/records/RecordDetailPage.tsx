// The page of one record at /<plural>/<id>: its fields in sections with inline edit, related lists, the history
// from the audit log, a "saved" state, the 412 conflict dialog, and edit / assign / delete for those allowed.
import { useEffect, useState } from 'react';
import { App, Breadcrumb, Button, Card, Descriptions, Flex, Grid, Result, Space, Spin, Tabs, Typography, theme } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EntityMeta } from '@guanxi/contracts';
import { api, ApiError } from '../../platform/api.ts';
import { errorMessage } from '../../platform/formErrors.ts';
import { useEntityMeta, useMeta } from '../../platform/meta.ts';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { rememberRecent } from '../../app/recent.ts';
import { BulkActionDialog } from './BulkActionDialog.tsx';
import { ConflictDialog } from './ConflictDialog.tsx';
import { detailExtensions, fieldGroupInputsOf, type DetailTab } from './pageExtensions.ts';
import { withFieldGroups } from './fieldGroups.ts';
import { InlineFieldGroup } from './InlineFieldGroup.tsx';
import { detailSections, SYSTEM_FIELDS } from './detailSections.ts';
import { applies, formatDateTime } from './fieldValues.ts';
import { HistoryList } from './HistoryList.tsx';
import { InlineField } from './InlineField.tsx';
import { RelatedList } from './RelatedList.tsx';
import { recordKeys, useRecord, type ApiRecord } from './records.api.ts';
import { useRecordSave } from './useRecordSave.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';

export function RecordDetailPage() {
  const { plural, id } = useParams();
  const { entity, isPending } = useEntityMeta(plural);
  if (isPending) return <Spin />;
  if (!entity || !id) return <NotFoundPage />;
  return <RecordDetail key={`${entity.name}:${id}`} entity={entity} id={id} />;
}

function RecordDetail({ entity, id }: { entity: EntityMeta; id: string }) {
  const { t } = useTranslation();
  const query = useRecord(entity.plural, id);
  const record = query.data;
  const title = record ? String(record[entity.titleField] ?? '') : '';
  usePageTitle(title || entity.label);

  useEffect(() => {
    if (record) rememberRecent({ plural: entity.plural, id, title, typeLabel: entity.label });
  }, [record, entity, id, title]);

  if (query.isPending) return <Spin />;
  if (query.isError)
    return query.error instanceof ApiError && query.error.status === 404 ? (
      <Result
        status="404"
        title={t('records.detail.notFoundTitle')}
        subTitle={t('records.detail.notFoundText')}
        extra={<Link to={`/${entity.plural}`}>{t('records.detail.backToList', { type: entity.label })}</Link>}
      />
    ) : (
      <Typography.Text type="danger">{query.error.message}</Typography.Text>
    );

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to={`/${entity.plural}`}>{entity.label}</Link> },
          { title: title || t('records.detail.untitled') },
        ]}
      />
      <DetailBody entity={entity} record={record!} title={title} />
    </>
  );
}

function DetailBody({ entity, record, title }: { entity: EntityMeta; record: ApiRecord; title: string }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const meta = useMeta();
  const wide = Grid.useBreakpoint().md !== false;
  const { token } = theme.useToken();
  const { save, savedAt, conflict, closeConflict, reload } = useRecordSave(entity, record);
  const [assigning, setAssigning] = useState(false);
  const access = record.access ?? { update: false, delete: false, assign: false };
  const editable = access.edit ?? access.update;

  const remove = () =>
    modal.confirm({
      title: t('records.detail.deleteTitle', { title }),
      content: t('records.detail.deleteText'),
      okText: t('records.delete'),
      okButtonProps: { danger: true },
      cancelText: t('records.cancel'),
      onOk: async () => {
        try {
          await api.delete(`/${entity.plural}/${record.id}`, { ifMatch: record.version });
          await queryClient.invalidateQueries({ queryKey: recordKeys.type(entity.plural) });
          void message.success(t('records.detail.deleted', { title }));
          void navigate(`/${entity.plural}`);
        } catch (err) {
          void message.error(errorMessage(t, err));
        }
      },
    });

  const groups = fieldGroupInputsOf(entity.name);
  const sectionLabel = (key: string, label?: string) =>
    label ??
    (key === 'system'
      ? t('records.detail.systemSection')
      : key === 'custom'
        ? t('records.detail.customSection')
        : t('records.detail.mainSection'));

  const details = (
    <Flex vertical gap={16}>
      {detailSections(entity).map((section) => (
        <Card key={section.key} title={sectionLabel(section.key, section.label)} size="small">
          <Descriptions
            column={wide ? 2 : 1}
            size="small"
            items={withFieldGroups(
              section.fields.filter((field) => applies(field, (name) => record[name])),
              groups,
            ).map((item) =>
              item.kind === 'group'
                ? {
                    key: item.fields.map((f) => f.name).join('+'),
                    label: item.group.label(t),
                    children: (
                      <InlineFieldGroup
                        entity={entity}
                        record={record}
                        group={item.group}
                        fields={item.fields}
                        editable={editable && item.fields.every((f) => !f.readOnly)}
                        save={save}
                      />
                    ),
                  }
                : {
                    key: item.field.name,
                    label: item.field.label,
                    children: (
                      <InlineField
                        record={record}
                        field={item.field}
                        plural={entity.plural}
                        editable={editable && !item.field.readOnly && !SYSTEM_FIELDS.includes(item.field.name)}
                        save={save}
                      />
                    ),
                  },
            )}
          />
        </Card>
      ))}
    </Flex>
  );

  const extensions = detailExtensions(entity.name);
  const extraTabs = extensions.flatMap((e) => e.tabs ?? []);
  const tabItem = ({ key, label, Component }: DetailTab) => ({
    key,
    label: label(t),
    children: <Component entity={entity} record={record} />,
  });

  const relations = entity.relations
    .map((relation) => ({ relation, child: meta.data?.find((e) => e.name === relation.entity) }))
    .filter((r): r is { relation: (typeof entity.relations)[number]; child: EntityMeta } => !!r.child);

  return (
    <>
      <Flex justify="space-between" align="flex-start" wrap gap={8} style={{ marginBottom: 12 }}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={2} style={{ margin: 0, overflowWrap: 'anywhere' }}>
            {title || t('records.detail.untitled')}
          </Typography.Title>
          <Typography.Text type="secondary">
            {entity.label} · {t('records.detail.ownedBy', { owner: record.ownerName ?? '—', unit: record.orgUnitName ?? '—' })}
          </Typography.Text>
          <div role="status" aria-live="polite">
            {savedAt && (
              <Typography.Text style={{ color: token.colorSuccessText }}>
                {t('records.detail.savedAt', { time: formatDateTime(savedAt.toISOString()) })}
              </Typography.Text>
            )}
          </div>
        </div>
        <Space wrap>
          {editable && (
            <Button onClick={() => void navigate(`/${entity.plural}/${record.id}/edit`)}>{t('records.detail.edit')}</Button>
          )}
          {access.assign && <Button onClick={() => setAssigning(true)}>{t('records.detail.assign')}</Button>}
          {access.delete && (
            <Button danger onClick={remove}>
              {t('records.delete')}
            </Button>
          )}
        </Space>
      </Flex>
      {extensions.map(({ Panel }, i) => Panel && <Panel key={i} entity={entity} record={record} />)}
      <Tabs
        // The record's own fields open first; a module's leading tabs (a customer's timeline) sit before them.
        defaultActiveKey="details"
        items={[
          ...extraTabs.filter((tab) => tab.first).map(tabItem),
          { key: 'details', label: t('records.detail.detailsTab'), children: details },
          ...relations.map(({ relation, child }) => ({
            key: `related-${relation.name}`,
            label: relation.label,
            children: <RelatedList entity={entity} id={record.id} relation={relation} child={child} />,
          })),
          ...extraTabs.filter((tab) => !tab.first).map(tabItem),
          {
            key: 'history',
            label: t('records.detail.historyTab'),
            children: <HistoryList entity={entity} id={record.id} />,
            destroyOnHidden: true,
          },
        ]}
      />
      {conflict && <ConflictDialog entity={entity} conflict={conflict} onReload={() => void reload()} onClose={closeConflict} />}
      {assigning && (
        <BulkActionDialog
          entity={entity}
          action="assign"
          records={[record]}
          onClose={(changed) => {
            setAssigning(false);
            if (changed) void queryClient.invalidateQueries({ queryKey: recordKeys.one(entity.plural, record.id) });
          }}
        />
      )}
    </>
  );
}
