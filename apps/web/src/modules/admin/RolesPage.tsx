// 角色与权限: a row of the roles to choose from, and below it the chosen role's name, description and scope
// matrix at full width, so every scope name fits in its cell.
import { useState } from 'react';
import { Button, Card, Empty, Flex, Radio, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRoles } from './admin.api.ts';
import { errorMessage } from '../../platform/formErrors.ts';
import { RoleCreateDialog } from './RoleCreateDialog.tsx';
import { RoleEditor } from './RoleEditor.tsx';

export function RolesPage() {
  const { t } = useTranslation();
  const roles = useRoles();
  const [selectedId, setSelectedId] = useState<string>();
  const [creating, setCreating] = useState(false);
  if (roles.isPending) return <Spin aria-label={t('common.loading')} />;
  if (roles.isError) return <Typography.Text type="danger">{errorMessage(t, roles.error)}</Typography.Text>;
  const selected = roles.data.find((role) => role.id === selectedId) ?? roles.data[0];

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('admin.roles.listTitle')}>
        <Flex wrap gap={8} align="center">
          <Radio.Group
            aria-label={t('admin.roles.listTitle')}
            optionType="button"
            value={selected?.id}
            onChange={(event) => setSelectedId(event.target.value as string)}
            options={roles.data.map((role) => ({
              value: role.id,
              label: (
                <>
                  {role.name}
                  {role.isAdmin && (
                    <Tag color="red" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
                      {t('admin.roles.adminTag')}
                    </Tag>
                  )}
                </>
              ),
            }))}
            style={{ display: 'flex', flexWrap: 'wrap', rowGap: 8 }}
          />
          <Button type="dashed" onClick={() => setCreating(true)}>
            {t('admin.roles.create')}
          </Button>
        </Flex>
      </Card>
      {selected ? <RoleEditor key={`${selected.id}:${selected.version}`} role={selected} /> : <Empty />}
      {creating && (
        <RoleCreateDialog
          onClose={(createdId) => {
            setCreating(false);
            if (createdId) setSelectedId(createdId);
          }}
        />
      )}
    </Flex>
  );
}
