// 折扣权限: every role with the largest discount it may give without approval (empty: none, so any discount needs
// approval), saved whole. A refused value goes beside its role's field.
import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Tag } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DiscountLimits } from '@guanxi/contracts';
import { ApiError } from '../../../platform/api.ts';
import { errorMessage } from '../../../platform/formErrors.ts';
import { ResponsiveTable } from '../ResponsiveTable.tsx';
import { formatPercent } from '../approvals/approvals.format.ts';
import { saveDiscountLimits, settingsKeys, useDiscountLimits } from './settings.api.ts';

type Role = DiscountLimits['items'][number];
/** A stored "15.00" as typed: "15". */
const typed = (value: string | null) => (value === null ? '' : formatPercent(value));

export function DiscountLimitsForm() {
  const { t } = useTranslation();
  const limits = useDiscountLimits();
  if (limits.isPending) return <Card loading />;
  if (limits.isError) return <Alert type="error" showIcon message={errorMessage(t, limits.error)} />;
  return <LimitsTable key={limits.dataUpdatedAt} roles={limits.data.items} />;
}

function LimitsTable({ roles }: { roles: Role[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(roles.map((r) => [r.roleId, typed(r.maxPercent)])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  const save = async () => {
    const sent = roles.filter((r) => values[r.roleId]?.trim());
    setSaving(true);
    setErrors({});
    try {
      const saved = await saveDiscountLimits({
        limits: sent.map((r) => ({ roleId: r.roleId, maxPercent: values[r.roleId]!.trim() })),
      });
      queryClient.setQueryData(settingsKeys.limits, saved);
      void message.success(t('commerce.settings.saved'));
    } catch (error) {
      // `limits.2.maxPercent` names the third row sent, not the third role shown.
      const placed: Record<string, string> = {};
      for (const detail of error instanceof ApiError ? error.details : []) {
        const index = /^limits\.(\d+)\./.exec(detail.field ?? '')?.[1];
        const role = index === undefined ? undefined : sent[Number(index)];
        if (role) placed[role.roleId] = detail.message;
      }
      setErrors(placed);
      if (!Object.keys(placed).length) void message.error(errorMessage(t, error));
    } finally {
      setSaving(false);
    }
  };

  const columns: ColumnType<Role>[] = [
    {
      key: 'role',
      title: t('commerce.settings.limits.role'),
      render: (_, role) => (
        <Flex gap={8} align="center" wrap>
          {role.roleName}
          {role.isAdmin && <Tag>{t('commerce.settings.limits.admin')}</Tag>}
        </Flex>
      ),
    },
    {
      key: 'maxPercent',
      title: t('commerce.settings.limits.maxPercent'),
      width: 260,
      render: (_, role) => (
        <Form.Item style={{ margin: 0 }} validateStatus={errors[role.roleId] ? 'error' : undefined} help={errors[role.roleId]}>
          <Input
            aria-label={`${role.roleName} ${t('commerce.settings.limits.maxPercent')}`}
            inputMode="decimal"
            suffix="%"
            placeholder={t('commerce.settings.limits.none')}
            value={values[role.roleId]}
            onChange={(e) => setValues((v) => ({ ...v, [role.roleId]: e.target.value }))}
            style={{ maxWidth: 220 }}
          />
        </Form.Item>
      ),
    },
  ];
  return (
    <>
      <Alert type="info" showIcon message={t('commerce.settings.limits.intro')} style={{ marginBottom: 16 }} />
      <ResponsiveTable<Role> rowKey="roleId" columns={columns} dataSource={roles} pagination={false} />
      <Flex gap={8} wrap style={{ marginTop: 16 }}>
        <Button type="primary" loading={saving} onClick={() => void save()}>
          {t('commerce.settings.save')}
        </Button>
        <Button
          onClick={() => {
            setValues(Object.fromEntries(roles.map((r) => [r.roleId, typed(r.maxPercent)])));
            setErrors({});
          }}
        >
          {t('commerce.settings.reset')}
        </Button>
      </Flex>
    </>
  );
}
