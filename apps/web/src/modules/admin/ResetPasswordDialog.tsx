// Sets a new password for a user who forgot theirs; the server's password rules answer beside the field.
import { App, Form, Input, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { User } from '@guanxi/contracts';
import { api } from '../../platform/api.ts';
import { FormDialog } from './FormDialog.tsx';
import { showFormError } from '../../platform/formErrors.ts';

export function ResetPasswordDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useMutation({
    mutationFn: ({ password }: { password: string }) => api.post<void>(`/users/${user.id}/password`, { password }),
    onSuccess: () => {
      void message.success(t('admin.users.passwordReset', { name: user.displayName }));
      onClose();
    },
    onError: (error) => showFormError(form, message, t, error),
  });
  return (
    <FormDialog
      title={t('admin.users.resetPasswordTitle', { name: user.displayName })}
      saving={reset.isPending}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{t('admin.users.resetPasswordHelp')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(values) => reset.mutate(values)}>
        <Form.Item
          name="password"
          label={t('admin.users.newPassword')}
          rules={[{ required: true, message: t('admin.users.passwordRequired') }]}
        >
          <Input.Password autoComplete="new-password" autoFocus />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
