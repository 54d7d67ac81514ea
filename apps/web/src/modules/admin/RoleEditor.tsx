// One role: its name and description and the scope matrix, saved together at the version the editor was
// opened with; when someone else saved first (412) the editor says so and reloads the role.
import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Role, RolePermissions } from '@guanxi/contracts';
import { sessionKey } from '../../app/session.ts';
import { api } from '../../platform/api.ts';
import { adminKeys, type UpdateRoleBody } from './admin.api.ts';
import { isStale, showFormError } from '../../platform/formErrors.ts';
import { ScopeMatrix } from './ScopeMatrix.tsx';

interface Values {
  name: string;
  description?: string;
}

export function RoleEditor({ role }: { role: Role }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [permissions, setPermissions] = useState<RolePermissions>(role.permissions);
  const [dirty, setDirty] = useState(false);

  const save = useMutation({
    mutationFn: (values: Values) => {
      const body: UpdateRoleBody = { name: values.name, description: values.description ?? '', permissions };
      return api.patch<Role>(`/roles/${role.id}`, body, { ifMatch: role.version });
    },
    onSuccess: () => {
      void message.success(t('admin.common.saved'));
      void queryClient.invalidateQueries({ queryKey: adminKeys.roles });
      // The signed-in user may hold this role: the header's role names and rights come from the session.
      void queryClient.invalidateQueries({ queryKey: sessionKey });
    },
    onError: (error) => {
      if (!isStale(error)) return showFormError(form, message, t, error);
      modal.warning({
        title: t('admin.roles.staleTitle'),
        content: t('admin.roles.staleText'),
        okText: t('admin.common.ok'),
        onOk: () => void queryClient.invalidateQueries({ queryKey: adminKeys.roles }),
      });
    },
  });

  return (
    <Card title={role.name}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ name: role.name, description: role.description ?? '' }}
        onValuesChange={() => setDirty(true)}
        onFinish={(values) => save.mutate(values)}
      >
        <Flex wrap gap={16}>
          <Form.Item
            name="name"
            label={t('admin.roles.name')}
            rules={[{ required: true, whitespace: true, message: t('admin.roles.nameRequired') }]}
            style={{ flex: '1 1 200px' }}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="description" label={t('admin.roles.description')} style={{ flex: '2 1 280px' }}>
            <Input maxLength={500} />
          </Form.Item>
        </Flex>
        {role.isAdmin && <Alert type="info" showIcon title={t('admin.roles.adminNote')} style={{ marginBottom: 16 }} />}
        <ScopeMatrix
          permissions={permissions}
          onChange={(next) => {
            setPermissions(next);
            setDirty(true);
          }}
        />
        <Flex justify="flex-end" gap={8} style={{ marginTop: 16 }}>
          {dirty && <Alert type="warning" title={t('admin.roles.unsaved')} banner style={{ flex: 1 }} />}
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('admin.roles.save')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
