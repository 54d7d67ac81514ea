// 组织架构: the org-unit tree with inactive units greyed; the chosen unit can get a child unit, be renamed,
// moved under another parent, deactivated or activated again.
import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Empty, Flex, Popconfirm, Row, Spin, Tag, Tree, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '@guanxi/contracts';
import { api } from '../../platform/api.ts';
import { adminKeys, useOrgUnits } from './admin.api.ts';
import { errorMessage, isStale } from '../../platform/formErrors.ts';
import { OrgUnitDialog, type OrgUnitDialogMode } from './OrgUnitDialog.tsx';
import { buildOrgTree } from './orgTree.ts';

export function OrgUnitsPage() {
  const { t } = useTranslation();
  const units = useOrgUnits();
  const [selectedId, setSelectedId] = useState<string>();
  const [dialog, setDialog] = useState<OrgUnitDialogMode>();
  if (units.isPending) return <Spin aria-label={t('common.loading')} />;
  if (units.isError) return <Typography.Text type="danger">{errorMessage(t, units.error)}</Typography.Text>;

  const tree = buildOrgTree(units.data);
  const selected = units.data.find((unit) => unit.id === selectedId) ?? units.data.find((unit) => !unit.parentId);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={12}>
        <Card title={t('admin.orgUnits.treeTitle')}>
          <Tree
            treeData={tree}
            defaultExpandAll
            blockNode
            selectedKeys={selected ? [selected.id] : []}
            onSelect={(keys) => keys[0] && setSelectedId(String(keys[0]))}
            titleRender={(node) => <UnitTitle unit={node.unit} />}
          />
        </Card>
      </Col>
      <Col xs={24} md={12}>
        {selected ? <UnitPanel unit={selected} units={units.data} onAction={setDialog} /> : <Empty />}
      </Col>
      {dialog && selected && <OrgUnitDialog mode={dialog} unit={selected} onClose={() => setDialog(undefined)} />}
    </Row>
  );
}

function UnitTitle({ unit }: { unit: OrgUnit }) {
  const { t } = useTranslation();
  return (
    <Typography.Text type={unit.active ? undefined : 'secondary'}>
      {unit.name}
      {unit.code && <Typography.Text type="secondary">{` (${unit.code})`}</Typography.Text>}
      {!unit.active && <Tag style={{ marginInlineStart: 8 }}>{t('admin.common.inactive')}</Tag>}
    </Typography.Text>
  );
}

function UnitPanel({ unit, units, onAction }: { unit: OrgUnit; units: OrgUnit[]; onAction: (mode: OrgUnitDialogMode) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const parent = units.find((u) => u.id === unit.parentId);

  const setActive = useMutation({
    mutationFn: (active: boolean) => api.patch<OrgUnit>(`/org-units/${unit.id}`, { active }, { ifMatch: unit.version }),
    onSuccess: () => void message.success(t('admin.common.saved')),
    onError: (error) => void message.error(errorMessage(t, error)),
    onSettled: (_data, error) => {
      if (!error || isStale(error)) void queryClient.invalidateQueries({ queryKey: adminKeys.orgUnits });
    },
  });

  return (
    <Card title={unit.name} extra={!unit.active && <Tag>{t('admin.common.inactive')}</Tag>}>
      <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('admin.orgUnits.code')}>{unit.code ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('admin.orgUnits.parent')}>{parent?.name ?? t('admin.orgUnits.topLevel')}</Descriptions.Item>
        <Descriptions.Item label={t('admin.common.status')}>
          {unit.active ? t('admin.common.active') : t('admin.common.inactive')}
        </Descriptions.Item>
      </Descriptions>
      <Flex wrap gap={8}>
        <Button type="primary" disabled={!unit.active} onClick={() => onAction('create')}>
          {t('admin.orgUnits.addChild')}
        </Button>
        <Button onClick={() => onAction('rename')}>{t('admin.orgUnits.rename')}</Button>
        {unit.parentId && <Button onClick={() => onAction('move')}>{t('admin.orgUnits.move')}</Button>}
        {unit.parentId &&
          (unit.active ? (
            <Popconfirm
              title={t('admin.orgUnits.deactivateConfirm', { name: unit.name })}
              okText={t('admin.common.deactivate')}
              cancelText={t('admin.common.cancel')}
              onConfirm={() => setActive.mutate(false)}
            >
              <Button danger loading={setActive.isPending}>
                {t('admin.common.deactivate')}
              </Button>
            </Popconfirm>
          ) : (
            <Button loading={setActive.isPending} onClick={() => setActive.mutate(true)}>
              {t('admin.common.activate')}
            </Button>
          ))}
      </Flex>
    </Card>
  );
}
