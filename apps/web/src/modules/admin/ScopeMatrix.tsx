// The scope matrix of a role: record types (from /roles/matrix, `*` = every type) × the six actions, each cell
// a choice of 无 / 本人 / 本部门 / 本部门及下级 / 全部.
import { Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Action, RolePermissions, Scope } from '@guanxi/contracts';
import { useMeta } from '../../platform/meta.ts';
import { useRoleMatrix } from './admin.api.ts';

interface Props {
  permissions: RolePermissions;
  onChange: (permissions: RolePermissions) => void;
}

export function ScopeMatrix({ permissions, onChange }: Props) {
  const { t } = useTranslation();
  const matrix = useRoleMatrix();
  const labels = new Map((useMeta().data ?? []).map((entity) => [entity.name, entity.label]));
  const typeLabel = (recordType: string) =>
    recordType === '*'
      ? t('admin.roles.allRecordTypes')
      : (labels.get(recordType) ?? matrix.data?.labels?.[recordType] ?? recordType);
  const scopeOptions = (matrix.data?.scopes ?? []).map((scope) => ({ value: scope, label: t(`admin.roles.scopes.${scope}`) }));

  const setCell = (recordType: string, action: Action, scope: Scope) =>
    onChange({ ...permissions, [recordType]: { ...permissions[recordType], [action]: scope } });

  return (
    <>
      <Typography.Paragraph type="secondary">{t('admin.roles.matrixHelp')}</Typography.Paragraph>
      <Table<{ recordType: string }>
        rowKey="recordType"
        size="small"
        bordered
        pagination={false}
        loading={matrix.isPending}
        scroll={{ x: 1090 }}
        dataSource={(matrix.data?.recordTypes ?? []).map((recordType) => ({ recordType }))}
        columns={[
          {
            title: t('admin.roles.recordType'),
            dataIndex: 'recordType',
            fixed: 'left',
            width: 130,
            render: (recordType: string) => typeLabel(recordType),
          },
          ...(matrix.data?.actions ?? []).map((action) => ({
            title: t(`admin.roles.actions.${action}`),
            key: action,
            width: 160,
            render: (_: unknown, { recordType }: { recordType: string }) => (
              <Select<Scope>
                aria-label={t('admin.roles.cellLabel', {
                  recordType: typeLabel(recordType),
                  action: t(`admin.roles.actions.${action}`),
                })}
                value={permissions[recordType]?.[action] ?? 'none'}
                options={scopeOptions}
                onChange={(scope) => setCell(recordType, action, scope)}
                popupMatchSelectWidth={false}
                style={{ width: '100%' }}
              />
            ),
          })),
        ]}
      />
    </>
  );
}
