// 角色与权限: the roles on one side, the chosen role's name, description and scope matrix on the other.
import { useState } from 'react';
import { Button, Card, Col, Empty, Menu, Row, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRoles } from './admin.api.ts';
import { errorMessage } from './formErrors.ts';
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
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={5}>
        <Card
          title={t('admin.roles.listTitle')}
          extra={
            <Button type="link" onClick={() => setCreating(true)} style={{ paddingInline: 0 }}>
              {t('admin.roles.create')}
            </Button>
          }
          styles={{ body: { padding: 4 } }}
        >
          <Menu
            mode="inline"
            style={{ borderInlineEnd: 'none' }}
            selectedKeys={selected ? [selected.id] : []}
            onClick={({ key }) => setSelectedId(key)}
            items={roles.data.map((role) => ({
              key: role.id,
              label: (
                <>
                  {role.name}
                  {role.isAdmin && (
                    <Tag color="red" style={{ marginInlineStart: 8 }}>
                      {t('admin.roles.adminTag')}
                    </Tag>
                  )}
                </>
              ),
            }))}
          />
        </Card>
      </Col>
      <Col xs={24} lg={19}>
        {selected ? <RoleEditor key={`${selected.id}:${selected.version}`} role={selected} /> : <Empty />}
      </Col>
      {creating && (
        <RoleCreateDialog
          onClose={(createdId) => {
            setCreating(false);
            if (createdId) setSelectedId(createdId);
          }}
        />
      )}
    </Row>
  );
}
