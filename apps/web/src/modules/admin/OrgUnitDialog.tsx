// The dialog to create a child unit, rename a unit (name and code) or move it under another parent.
import { App, Form, Input } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '@guanxi/contracts';
import { api, ApiError } from '../../platform/api.ts';
import { adminKeys, type CreateOrgUnitBody, type UpdateOrgUnitBody } from './admin.api.ts';
import { FormDialog } from './FormDialog.tsx';
import { isStale, showFormError } from '../../platform/formErrors.ts';
import { OrgUnitSelect } from './OrgUnitSelect.tsx';

export type OrgUnitDialogMode = 'create' | 'rename' | 'move';

interface Values {
  name?: string;
  code?: string;
  parentId?: string;
}

export function OrgUnitDialog({ mode, unit, onClose }: { mode: OrgUnitDialogMode; unit: OrgUnit; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();

  const save = useMutation({
    mutationFn: (values: Values) => {
      if (mode === 'create') {
        const body: CreateOrgUnitBody = { name: values.name!, code: values.code || undefined, parentId: unit.id };
        return api.post<OrgUnit>('/org-units', body);
      }
      const body: UpdateOrgUnitBody =
        mode === 'move' ? { parentId: values.parentId } : { name: values.name, code: values.code || null };
      return api.patch<OrgUnit>(`/org-units/${unit.id}`, body, { ifMatch: unit.version });
    },
    onSuccess: () => {
      void message.success(t('admin.common.saved'));
      void queryClient.invalidateQueries({ queryKey: adminKeys.orgUnits });
      onClose();
    },
    onError: (error) => {
      if (isStale(error)) void queryClient.invalidateQueries({ queryKey: adminKeys.orgUnits });
      // A refused move (below itself or its own child) is about the parent field.
      if (error instanceof ApiError && error.code === 'ORG_UNIT_CYCLE') {
        form.setFields([{ name: 'parentId', errors: [error.message] }]);
      } else showFormError(form, message, t, error);
    },
  });

  const title = {
    create: t('admin.orgUnits.createTitle', { parent: unit.name }),
    rename: t('admin.orgUnits.renameTitle', { name: unit.name }),
    move: t('admin.orgUnits.moveTitle', { name: unit.name }),
  }[mode];

  return (
    <FormDialog title={title} saving={save.isPending} onSave={() => form.submit()} onClose={onClose}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          mode === 'create' ? {} : { name: unit.name, code: unit.code ?? undefined, parentId: unit.parentId ?? undefined }
        }
        onFinish={(values) => save.mutate(values)}
      >
        {mode === 'move' ? (
          <Form.Item
            name="parentId"
            label={t('admin.orgUnits.newParent')}
            rules={[{ required: true, message: t('admin.orgUnits.parentRequired') }]}
          >
            <OrgUnitSelect exclude={(id) => id === unit.id} />
          </Form.Item>
        ) : (
          <>
            <Form.Item
              name="name"
              label={t('admin.orgUnits.name')}
              rules={[{ required: true, whitespace: true, message: t('admin.orgUnits.nameRequired') }]}
            >
              <Input maxLength={100} autoFocus />
            </Form.Item>
            <Form.Item name="code" label={t('admin.orgUnits.code')} extra={t('admin.orgUnits.codeHelp')}>
              <Input maxLength={50} />
            </Form.Item>
          </>
        )}
      </Form>
    </FormDialog>
  );
}
