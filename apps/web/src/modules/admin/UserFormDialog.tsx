// Create a user (with an initial password) or edit one: name, contact, org unit and roles. The server's
// refusals appear beside the fields (400 details, 409 username taken); a stale edit reloads the list.
import { App, Form, Input, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { User } from '@guanxi/contracts';
import { api } from '../../platform/api.ts';
import { adminKeys, useRoles, type CreateUserBody, type UpdateUserBody } from './admin.api.ts';
import { FormDialog } from './FormDialog.tsx';
import { isStale, showFormError } from '../../platform/formErrors.ts';
import { OrgUnitSelect } from './OrgUnitSelect.tsx';

interface Values {
  username: string;
  displayName: string;
  email?: string;
  mobile?: string;
  orgUnitId: string;
  roleIds: string[];
  password: string;
}

export function UserFormDialog({ user, onClose }: { user?: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const roles = useRoles();
  const [form] = Form.useForm<Values>();

  const save = useMutation({
    mutationFn: (values: Values) => {
      const contact = { displayName: values.displayName, orgUnitId: values.orgUnitId, roleIds: values.roleIds ?? [] };
      if (!user) {
        const body: CreateUserBody = {
          ...contact,
          username: values.username,
          email: values.email || undefined,
          mobile: values.mobile || undefined,
          password: values.password,
        };
        return api.post<User>('/users', body);
      }
      const body: UpdateUserBody = { ...contact, email: values.email || null, mobile: values.mobile || null };
      return api.patch<User>(`/users/${user.id}`, body, { ifMatch: user.version });
    },
    onSuccess: () => {
      void message.success(t('admin.common.saved'));
      void queryClient.invalidateQueries({ queryKey: adminKeys.users });
      onClose();
    },
    onError: (error) => {
      if (isStale(error)) {
        void queryClient.invalidateQueries({ queryKey: adminKeys.users });
        void message.warning(t('admin.common.staleReloaded'));
        onClose();
      } else showFormError(form, message, t, error);
    },
  });

  const required = (text: string) => [{ required: true, whitespace: true, message: text }];
  return (
    <FormDialog
      title={user ? t('admin.users.editTitle', { name: user.displayName }) : t('admin.users.createTitle')}
      saving={save.isPending}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        name="user"
        layout="vertical"
        initialValues={user ? { ...user, email: user.email ?? undefined, mobile: user.mobile ?? undefined } : { roleIds: [] }}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item
          name="username"
          label={t('admin.users.username')}
          rules={user ? [] : required(t('admin.users.usernameRequired'))}
          extra={user ? undefined : t('admin.users.usernameHelp')}
        >
          <Input disabled={!!user} autoComplete="off" maxLength={50} />
        </Form.Item>
        <Form.Item name="displayName" label={t('admin.users.displayName')} rules={required(t('admin.users.displayNameRequired'))}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('admin.users.email')}
          rules={[{ type: 'email', message: t('admin.users.emailInvalid') }]}
        >
          <Input type="email" maxLength={200} />
        </Form.Item>
        <Form.Item name="mobile" label={t('admin.users.mobile')}>
          <Input type="tel" maxLength={30} />
        </Form.Item>
        <Form.Item
          name="orgUnitId"
          label={t('admin.users.orgUnit')}
          rules={[{ required: true, message: t('admin.users.orgUnitRequired') }]}
        >
          <OrgUnitSelect />
        </Form.Item>
        <Form.Item name="roleIds" label={t('admin.users.roles')}>
          <Select
            mode="multiple"
            loading={roles.isPending}
            placeholder={t('admin.users.rolesPlaceholder')}
            options={(roles.data ?? []).map((role) => ({ value: role.id, label: role.name }))}
            optionFilterProp="label"
          />
        </Form.Item>
        {!user && (
          <Form.Item
            name="password"
            label={t('admin.users.initialPassword')}
            extra={t('admin.users.passwordHelp')}
            rules={[{ required: true, message: t('admin.users.passwordRequired') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </FormDialog>
  );
}
