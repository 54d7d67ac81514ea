// A new role: a key for integrations, a name and a description; its scopes are set in the matrix afterwards.
import { App, Form, Input } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Role } from '@guanxi/contracts';
import { api } from '../../platform/api.ts';
import { adminKeys, type CreateRoleBody } from './admin.api.ts';
import { FormDialog } from './FormDialog.tsx';
import { showFormError } from '../../platform/formErrors.ts';

type Values = Pick<CreateRoleBody, 'key' | 'name' | 'description'>;

export function RoleCreateDialog({ onClose }: { onClose: (createdId?: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const create = useMutation({
    mutationFn: (values: Values) => api.post<Role>('/roles', { ...values, permissions: {} } satisfies CreateRoleBody),
    onSuccess: async (role) => {
      void message.success(t('admin.common.saved'));
      await queryClient.invalidateQueries({ queryKey: adminKeys.roles });
      onClose(role.id);
    },
    onError: (error) => showFormError(form, message, t, error),
  });
  return (
    <FormDialog
      title={t('admin.roles.createTitle')}
      saving={create.isPending}
      onSave={() => form.submit()}
      onClose={() => onClose()}
    >
      <Form<Values> form={form} layout="vertical" onFinish={(values) => create.mutate(values)}>
        <Form.Item
          name="name"
          label={t('admin.roles.name')}
          rules={[{ required: true, whitespace: true, message: t('admin.roles.nameRequired') }]}
        >
          <Input maxLength={100} autoFocus />
        </Form.Item>
        <Form.Item
          name="key"
          label={t('admin.roles.key')}
          extra={t('admin.roles.keyHelp')}
          rules={[
            { required: true, message: t('admin.roles.keyRequired') },
            { pattern: /^[a-z][a-z0-9_-]{1,48}$/, message: t('admin.roles.keyInvalid') },
          ]}
        >
          <Input maxLength={49} />
        </Form.Item>
        <Form.Item name="description" label={t('admin.roles.description')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
