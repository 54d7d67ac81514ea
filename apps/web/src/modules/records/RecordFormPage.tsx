// Create and edit form of any record type (/<plural>/new, /<plural>/<id>/edit): its fields in sections with the
// custom fields, the server's 400 details beside the fields they name, a 412 conflict dialog, and a warning
// before leaving with unsaved changes. Query parameters prefill a new record (?customerId=… from a related list).
import { useEffect, useState } from 'react';
import { App, Button, Card, Flex, Form, Space, Spin, Typography } from 'antd';
import { useBlocker, useNavigate, useParams, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EntityMeta, FieldMeta } from '@guanxi/contracts';
import { api, ApiError } from '../../platform/api.ts';
import { showFormError } from '../../platform/formErrors.ts';
import { useEntityMeta } from '../../platform/meta.ts';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { useSession } from '../../app/session.ts';
import { ConflictDialog, type Conflict } from './ConflictDialog.tsx';
import { detailSections } from './detailSections.ts';
import { fieldGroupInputsOf, formNoticesOf } from './pageExtensions.ts';
import { withFieldGroups } from './fieldGroups.ts';
import { FieldGroupFormItem } from './FieldGroupFormItem.tsx';
import { FieldInput } from './FieldInput.tsx';
import { applies, formPath, readValue, toApiBody, toFormValue, toFormValues } from './fieldValues.ts';
import { recordKeys, useRecord, type ApiRecord } from './records.api.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';

export function RecordFormPage() {
  const { plural, id } = useParams();
  const { entity, isPending } = useEntityMeta(plural);
  if (isPending) return <Spin />;
  if (!entity) return <NotFoundPage />;
  return id ? <EditForm key={id} entity={entity} id={id} /> : <RecordForm key="new" entity={entity} />;
}

function EditForm({ entity, id }: { entity: EntityMeta; id: string }) {
  const record = useRecord(entity.plural, id);
  if (record.isPending) return <Spin />;
  if (record.isError) return <NotFoundPage />;
  // A reload after a conflict brings a new version: the form starts again from the stored values.
  return <RecordForm key={record.data.version} entity={entity} record={record.data} />;
}

/** Fields a form shows: editable ones, with owner only when creating (reassigning goes through 分配). */
function formFields(entity: EntityMeta, creating: boolean): FieldMeta[] {
  return entity.fields.filter((f) => !f.readOnly && f.name !== 'orgUnitId' && (creating || f.name !== 'ownerId'));
}

function RecordForm({ entity, record }: { entity: EntityMeta; record?: ApiRecord }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Record<string, unknown>>();
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const creating = !record;
  const me = useSession().data?.user;
  const fields = formFields(entity, creating);

  const initialValues = () => {
    const values = toFormValues(fields, record);
    // A new record belongs to its creator unless they pick someone else.
    if (creating && fields.some((f) => f.name === 'ownerId')) values.ownerId = me?.id;
    if (creating)
      for (const field of fields) {
        const given = params.get(field.name);
        if (given !== null && !field.name.startsWith('custom.')) values[field.name] = toFormValue(field, given);
      }
    return values;
  };

  // Leaving with unsaved changes asks first, both inside the app and when closing the tab.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && !saving && currentLocation.pathname !== nextLocation.pathname,
  );
  const { modal } = App.useApp();
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: t('records.form.leaveTitle'),
      content: t('records.form.leaveText'),
      okText: t('records.form.leave'),
      cancelText: t('records.form.stay'),
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal, t]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const shownIn = (values: Record<string, unknown>) => fields.filter((f) => applies(f, (name) => values[name]));

  const submit = async (values: Record<string, unknown>) => {
    setSaving(true);
    try {
      let saved: ApiRecord;
      if (creating) {
        saved = await api.post<ApiRecord>(`/${entity.plural}`, toApiBody(shownIn(values), values));
      } else {
        const before = toApiBody(fields, toFormValues(fields, record));
        const after = toApiBody(shownIn(values), values);
        const changed = Object.fromEntries(
          Object.entries(after).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key])),
        );
        saved = await api.patch<ApiRecord>(`/${entity.plural}/${record.id}`, changed, { ifMatch: record.version });
      }
      setDirty(false);
      queryClient.setQueryData(recordKeys.one(entity.plural, saved.id), saved);
      await queryClient.invalidateQueries({
        queryKey: recordKeys.type(entity.plural),
        predicate: (q) => q.queryKey[2] !== 'one',
      });
      void message.success(creating ? t('records.form.created', { type: entity.label }) : t('records.form.saved'));
      // Navigating after the state update: the blocker must see a clean form.
      setTimeout(() => void navigate(`/${entity.plural}/${saved.id}`, { replace: true }));
    } catch (err) {
      if (!creating && err instanceof ApiError && err.status === 412 && err.current) {
        const mine = { ...record, ...toApiBody(fields, values) } as ApiRecord;
        const edited = fields
          .filter((f) => JSON.stringify(readValue(mine, f)) !== JSON.stringify(readValue(record, f)))
          .map((f) => f.name);
        setConflict({ mine, theirs: err.current as ApiRecord, fields: edited });
      } else showFormError(form, message, t, err);
    } finally {
      setSaving(false);
    }
  };

  // Fields whose condition does not hold (a visit's check-in on a call) are neither shown nor sent.
  const watched = (Form.useWatch([], form) ?? initialValues()) as Record<string, unknown>;
  const shown = fields.filter((f) => applies(f, (name) => watched[name]));
  const sections = detailSections({ ...entity, fields: shown });
  const groups = fieldGroupInputsOf(entity.name);
  const sectionLabel = (key: string, label?: string) =>
    label ??
    (key === 'system'
      ? t('records.form.ownerSection')
      : key === 'custom'
        ? t('records.detail.customSection')
        : t('records.detail.mainSection'));
  usePageTitle(creating ? t('records.form.createTitle', { type: entity.label }) : String(record[entity.titleField] ?? ''));
  const title = creating
    ? t('records.form.createTitle', { type: entity.label })
    : t('records.form.editTitle', { title: String(record[entity.titleField] ?? '') });

  return (
    <>
      <Typography.Title level={2}>{title}</Typography.Title>
      {formNoticesOf(entity.name).map((Notice, i) => (
        <Notice key={i} entity={entity} values={watched} record={record} />
      ))}
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues()}
        onValuesChange={() => setDirty(true)}
        onFinish={(values) => void submit(values)}
        scrollToFirstError
      >
        <Flex vertical gap={16}>
          {sections.map((section) => (
            <Card key={section.key} title={sectionLabel(section.key, section.label)} size="small">
              <div
                style={{
                  display: 'grid',
                  gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 320px), 1fr))',
                  columnGap: 24,
                }}
              >
                {withFieldGroups(section.fields, groups).map((item) => {
                  if (item.kind === 'group')
                    return (
                      <FieldGroupFormItem
                        key={item.fields.map((f) => f.name).join('+')}
                        entity={entity}
                        group={item.group}
                        fields={item.fields}
                        onEdited={() => setDirty(true)}
                      />
                    );
                  const { field } = item;
                  return (
                    <Form.Item
                      key={field.name}
                      name={formPath(field)}
                      label={field.label}
                      valuePropName={field.type === 'boolean' ? 'checked' : 'value'}
                      style={field.type === 'longText' ? { gridColumn: '1 / -1' } : undefined}
                      rules={[
                        ...(field.required
                          ? [{ required: true, message: t('records.form.required', { field: field.label }) }]
                          : []),
                        ...(field.type === 'email' ? [{ type: 'email' as const, message: t('records.form.email') }] : []),
                      ]}
                    >
                      <FieldInput
                        field={field}
                        plural={entity.plural}
                        title={
                          field.name === 'ownerId' && creating
                            ? me?.displayName
                            : (record?.titles as Record<string, string> | undefined)?.[field.name]
                        }
                      />
                    </Form.Item>
                  );
                })}
              </div>
            </Card>
          ))}
        </Flex>
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={saving}>
            {creating ? t('records.form.create') : t('records.save')}
          </Button>
          <Button onClick={() => void navigate(-1)}>{t('records.cancel')}</Button>
        </Space>
      </Form>
      {conflict && (
        <ConflictDialog
          entity={entity}
          conflict={conflict}
          onClose={() => setConflict(null)}
          onReload={() => {
            setDirty(false);
            setConflict(null);
            void queryClient.invalidateQueries({ queryKey: recordKeys.one(entity.plural, record!.id) });
          }}
        />
      )}
    </>
  );
}
