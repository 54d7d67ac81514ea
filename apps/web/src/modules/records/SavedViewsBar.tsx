// Saved views of a list: pick one, save the current filters, sort and columns as a new view (private or shared
// with an org unit), update or rename a view you may edit, make one your default, delete one.
import { useState } from 'react';
import { App, Button, Checkbox, Dropdown, Flex, Form, Input, Modal, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EntityMeta, SavedView } from '@guanxi/contracts';
import { api } from '../../platform/api.ts';
import { errorMessage, showFormError } from '../../platform/formErrors.ts';
import { OrgUnitSelect } from '../admin/OrgUnitSelect.tsx';
import { recordKeys, type ListState } from './records.api.ts';

interface Props {
  entity: EntityMeta;
  views: SavedView[];
  current: SavedView | undefined;
  /** The list differs from the chosen view (or no view is chosen and filters are set). */
  modified: boolean;
  state: ListState;
  onSelect: (view: SavedView | undefined) => void;
}

const definitionOf = (state: ListState) => ({ filters: state.filters, sort: state.sort || undefined, columns: state.columns });

export function SavedViewsBar({ entity, views, current, modified, state, onSelect }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'create' | 'rename' | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: recordKeys.views(entity.name) });

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      await refresh();
      void message.success(done);
    } catch (err) {
      void message.error(errorMessage(t, err));
    }
  };

  const update = () =>
    act(
      () => api.patch(`/saved-views/${current!.id}`, { definition: definitionOf(state) }, { ifMatch: current!.version }),
      t('records.views.updated'),
    );
  const toggleDefault = () =>
    act(
      () =>
        current!.isDefault ? api.delete(`/saved-views/${current!.id}/default`) : api.put(`/saved-views/${current!.id}/default`),
      current!.isDefault ? t('records.views.defaultCleared') : t('records.views.defaultSet'),
    );
  const remove = () =>
    modal.confirm({
      title: t('records.views.deleteTitle', { name: current!.name }),
      okText: t('records.delete'),
      okButtonProps: { danger: true },
      cancelText: t('records.cancel'),
      onOk: () =>
        act(async () => {
          await api.delete(`/saved-views/${current!.id}`, { ifMatch: current!.version });
          onSelect(undefined);
        }, t('records.views.deleted')),
    });

  const more = current
    ? [
        ...(current.editable
          ? [
              { key: 'rename', label: t('records.views.rename') },
              { key: 'delete', label: t('records.views.delete'), danger: true },
            ]
          : []),
        { key: 'default', label: current.isDefault ? t('records.views.clearDefault') : t('records.views.makeDefault') },
      ]
    : [];

  return (
    <Flex gap={8} wrap align="center">
      <Select
        aria-label={t('records.views.choose')}
        style={{ minWidth: 180 }}
        value={current?.id ?? ''}
        onChange={(id: string) => onSelect(views.find((v) => v.id === id))}
        options={[
          { value: '', label: t('records.views.all') },
          ...views.map((v) => ({
            value: v.id,
            label: `${v.name}${v.isDefault ? ` · ${t('records.views.defaultTag')}` : ''}${v.sharedOrgUnitId ? ` · ${t('records.views.sharedTag')}` : ''}`,
          })),
        ]}
      />
      {current?.editable && modified && <Button onClick={() => void update()}>{t('records.views.update')}</Button>}
      {(modified || !current) && <Button onClick={() => setDialog('create')}>{t('records.views.saveAs')}</Button>}
      {current && (
        <Dropdown
          trigger={['click']}
          menu={{
            items: more,
            onClick: ({ key }) => (key === 'rename' ? setDialog('rename') : key === 'delete' ? remove() : void toggleDefault()),
          }}
        >
          <Button aria-label={t('records.views.more')}>⋯</Button>
        </Dropdown>
      )}
      {dialog && (
        <ViewDialog
          entity={entity}
          view={dialog === 'rename' ? current : undefined}
          state={state}
          onClose={() => setDialog(null)}
          onSaved={(view) => {
            setDialog(null);
            void refresh();
            onSelect(view);
          }}
        />
      )}
    </Flex>
  );
}

interface DialogValues {
  name: string;
  shared: boolean;
  sharedOrgUnitId?: string;
  makeDefault: boolean;
}

function ViewDialog({
  entity,
  view,
  state,
  onClose,
  onSaved,
}: {
  entity: EntityMeta;
  view: SavedView | undefined;
  state: ListState;
  onClose: () => void;
  onSaved: (view: SavedView) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DialogValues>();
  const [saving, setSaving] = useState(false);
  const shared = Form.useWatch('shared', form);

  const submit = async (values: DialogValues) => {
    setSaving(true);
    try {
      const sharedOrgUnitId = values.shared ? (values.sharedOrgUnitId ?? null) : null;
      const saved = view
        ? await api.patch<SavedView>(`/saved-views/${view.id}`, { name: values.name, sharedOrgUnitId }, { ifMatch: view.version })
        : await api.post<SavedView>('/saved-views', {
            recordType: entity.name,
            name: values.name,
            sharedOrgUnitId,
            definition: definitionOf(state),
            makeDefault: values.makeDefault,
          });
      void message.success(view ? t('records.views.updated') : t('records.views.saved'));
      onSaved(saved);
    } catch (err) {
      showFormError(form, message, t, err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={view ? t('records.views.renameTitle') : t('records.views.saveTitle')}
      okText={t('records.save')}
      cancelText={t('records.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={{
          name: view?.name ?? '',
          shared: !!view?.sharedOrgUnitId,
          sharedOrgUnitId: view?.sharedOrgUnitId ?? undefined,
          makeDefault: false,
        }}
      >
        <Form.Item
          name="name"
          label={t('records.views.name')}
          rules={[{ required: true, whitespace: true, message: t('records.views.nameRequired') }]}
        >
          <Input maxLength={100} autoFocus />
        </Form.Item>
        <Form.Item name="shared" valuePropName="checked">
          <Checkbox>{t('records.views.share')}</Checkbox>
        </Form.Item>
        {shared && (
          <Form.Item
            name="sharedOrgUnitId"
            label={t('records.views.shareWith')}
            rules={[{ required: true, message: t('records.views.shareWithRequired') }]}
          >
            <OrgUnitSelect />
          </Form.Item>
        )}
        {!view && (
          <Form.Item name="makeDefault" valuePropName="checked">
            <Checkbox>{t('records.views.makeDefaultOnSave')}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
