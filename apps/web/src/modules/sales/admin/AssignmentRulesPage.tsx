// 线索分配 (administrators): the ordered lead assignment rules, saved as one list. Each rule matches on province,
// source, interest and customer type (empty: anything) and assigns to a user, or within an org unit by turns or to
// the least loaded member. Rules are reordered by 上移 / 下移 (the first match wins); what happens when none matches
// (the fallback queue) is explained above the list. The server's refusals go beside the rule field they name.
import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Radio, Select, Space, Switch, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AssignmentRuleInput } from '@guanxi/contracts';
import { useMeta } from '../../../platform/meta.ts';
import { errorMessage } from '../../../platform/formErrors.ts';
import { OrgUnitSelect } from '../../admin/OrgUnitSelect.tsx';
import { useRegions } from '../../customers/customers.api.ts';
import { placeFormError } from './adminForms.ts';
import { focusAfterStep, stepTarget } from './ordering.ts';
import { type AssignmentRule, saveAssignmentRules, salesAdminKeys, useAssignmentRules } from './salesAdmin.api.ts';
import { UserPicker } from './UserPicker.tsx';

const CONDITIONS = ['province', 'source', 'interest', 'customerType'] as const;
type Condition = (typeof CONDITIONS)[number];

interface RuleValues {
  name: string;
  active: boolean;
  conditions: Partial<Record<Condition, string[]>>;
  targetKind: 'user' | 'unit';
  targetUserId?: string | null;
  targetOrgUnitId?: string | null;
  distribution: 'round_robin' | 'least_loaded';
}

const toValues = (rule: AssignmentRule): RuleValues => ({
  name: rule.name,
  active: rule.active,
  conditions: rule.conditions,
  targetKind: rule.targetOrgUnitId ? 'unit' : 'user',
  targetUserId: rule.targetUserId,
  targetOrgUnitId: rule.targetOrgUnitId,
  distribution: rule.distribution,
});

const toInput = (rule: RuleValues): AssignmentRuleInput => ({
  name: rule.name.trim(),
  active: rule.active,
  conditions: Object.fromEntries(CONDITIONS.filter((c) => rule.conditions?.[c]?.length).map((c) => [c, rule.conditions[c]])),
  targetUserId: rule.targetKind === 'user' ? (rule.targetUserId ?? null) : null,
  targetOrgUnitId: rule.targetKind === 'unit' ? (rule.targetOrgUnitId ?? null) : null,
  distribution: rule.distribution,
});

export function AssignmentRulesPage() {
  const rules = useAssignmentRules();
  const { t } = useTranslation();
  if (rules.isPending) return <Card loading />;
  if (rules.isError) return <Alert type="error" showIcon message={errorMessage(t, rules.error)} />;
  return <RulesForm key={rules.dataUpdatedAt} rules={rules.data} />;
}

function RulesForm({ rules }: { rules: AssignmentRule[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ rules: RuleValues[] }>();
  const [saving, setSaving] = useState(false);
  const [listErrors, setListErrors] = useState<string[]>([]);
  const [announce, setAnnounce] = useState('');

  const save = async ({ rules: values = [] }: { rules?: RuleValues[] }) => {
    setSaving(true);
    setListErrors([]);
    try {
      const saved = await saveAssignmentRules({ rules: values.map(toInput) });
      queryClient.setQueryData(salesAdminKeys.rules, saved);
      void message.success(t('sales.admin.common.saved'));
    } catch (err) {
      setListErrors(placeFormError(form, message, t, err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ rules: rules.map(toValues) }}
      onFinish={(v) => void save(v)}
      scrollToFirstError
    >
      <Alert
        type="info"
        showIcon
        message={t('sales.admin.rules.intro')}
        description={t('sales.admin.rules.fallback')}
        style={{ marginBottom: 16 }}
      />
      {listErrors.map((text) => (
        <Alert key={text} type="error" showIcon message={text} style={{ marginBottom: 12 }} />
      ))}
      <div aria-live="polite" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
        {announce}
      </div>
      <Form.List name="rules">
        {(rows, { add, remove, move }) => (
          <>
            {rows.length === 0 && <Typography.Paragraph type="secondary">{t('sales.admin.rules.empty')}</Typography.Paragraph>}
            <div role="list" aria-label={t('sales.admin.tabs.rules')}>
              {rows.map((row, index) => (
                <RuleCard
                  key={row.key}
                  index={index}
                  rowName={row.name}
                  count={rows.length}
                  onStep={(step) => {
                    const to = stepTarget(index, step, rows.length);
                    if (to === undefined) return;
                    const name = String(form.getFieldValue(['rules', index, 'name']) ?? '');
                    move(index, to);
                    setAnnounce(t('sales.admin.common.movedTo', { name, n: to + 1 }));
                    const id = focusAfterStep('rule', to, step, rows.length);
                    requestAnimationFrame(() => document.getElementById(id)?.focus());
                  }}
                  onRemove={() => remove(index)}
                />
              ))}
            </div>
            <Button
              type="dashed"
              block
              onClick={() =>
                add({
                  name: t('sales.admin.rules.newRule'),
                  active: true,
                  conditions: {},
                  targetKind: 'unit',
                  distribution: 'round_robin',
                } satisfies RuleValues)
              }
            >
              {t('sales.admin.rules.add')}
            </Button>
          </>
        )}
      </Form.List>
      <Flex gap={8} wrap style={{ marginTop: 24 }}>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('sales.admin.rules.save')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            setListErrors([]);
          }}
        >
          {t('sales.admin.rules.reset')}
        </Button>
      </Flex>
    </Form>
  );
}

interface RuleCardProps {
  index: number;
  rowName: number;
  count: number;
  onStep: (step: -1 | 1) => void;
  onRemove: () => void;
}

function RuleCard({ index, rowName, count, onStep, onRemove }: RuleCardProps) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const lead = useMeta().data?.find((e) => e.name === 'lead');
  const regions = useRegions();
  const optionsOf = (field: Condition) =>
    field === 'province'
      ? (regions.data ?? []).map((r) => ({ value: r.name, label: r.name }))
      : (lead?.fields.find((f) => f.name === field)?.options ?? []);
  const name =
    (Form.useWatch(['rules', rowName, 'name'], form) as string | undefined) || t('sales.admin.rules.ruleN', { n: index + 1 });
  const kind = Form.useWatch(['rules', rowName, 'targetKind'], form) as RuleValues['targetKind'] | undefined;
  return (
    <Card
      size="small"
      role="listitem"
      aria-label={name}
      style={{ marginBottom: 12 }}
      title={
        <Flex gap={8} align="center" style={{ minWidth: 0 }}>
          <Typography.Text type="secondary">{index + 1}.</Typography.Text>
          <Typography.Text ellipsis>{name}</Typography.Text>
        </Flex>
      }
      extra={
        <Space size={4}>
          <Button
            id={`rule-up-${index}`}
            size="small"
            disabled={index === 0}
            aria-label={t('sales.admin.common.moveUp', { name })}
            onClick={() => onStep(-1)}
          >
            ↑
          </Button>
          <Button
            id={`rule-down-${index}`}
            size="small"
            disabled={index === count - 1}
            aria-label={t('sales.admin.common.moveDown', { name })}
            onClick={() => onStep(1)}
          >
            ↓
          </Button>
          <Button
            size="small"
            danger
            autoInsertSpace={false}
            aria-label={t('sales.admin.common.removeLabel', { name })}
            onClick={onRemove}
          >
            {t('sales.admin.common.remove')}
          </Button>
        </Space>
      }
    >
      <Flex wrap gap={16} align="end">
        <Form.Item
          name={[rowName, 'name']}
          label={t('sales.admin.rules.name')}
          rules={[{ required: true, whitespace: true, message: t('sales.admin.rules.nameRequired') }]}
          style={{ flex: '1 1 220px', minWidth: 0 }}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name={[rowName, 'active']} label={t('sales.admin.rules.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Flex>
      <Typography.Text strong>{t('sales.admin.rules.conditions')}</Typography.Text>
      <Flex wrap gap="0 16px" style={{ marginTop: 8 }}>
        {CONDITIONS.map((field) => (
          <Form.Item
            key={field}
            name={[rowName, 'conditions', field]}
            label={t(`sales.admin.rules.${field}`)}
            style={{ flex: '1 1 200px', minWidth: 0 }}
          >
            <Select
              mode="multiple"
              allowClear
              placeholder={t('sales.admin.rules.any')}
              options={optionsOf(field)}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        ))}
      </Flex>
      <Typography.Text strong>{t('sales.admin.rules.target')}</Typography.Text>
      <Flex wrap gap="0 16px" style={{ marginTop: 8 }} align="start">
        <Form.Item name={[rowName, 'targetKind']} style={{ flex: '1 1 100%', marginBottom: 0 }}>
          <Radio.Group
            aria-label={t('sales.admin.rules.target')}
            options={(['user', 'unit'] as const).map((value) => ({ value, label: t(`sales.admin.rules.targetKinds.${value}`) }))}
          />
        </Form.Item>
        {kind === 'user' ? (
          <Form.Item
            name={[rowName, 'targetUserId']}
            label={t('sales.admin.rules.targetUser')}
            rules={[{ required: true, message: t('sales.admin.rules.targetUserRequired') }]}
            style={{ flex: '1 1 240px', minWidth: 0 }}
          >
            <UserPicker />
          </Form.Item>
        ) : (
          <>
            <Form.Item
              name={[rowName, 'targetOrgUnitId']}
              label={t('sales.admin.rules.targetUnit')}
              rules={[{ required: true, message: t('sales.admin.rules.targetUnitRequired') }]}
              style={{ flex: '1 1 240px', minWidth: 0 }}
            >
              <OrgUnitSelect />
            </Form.Item>
            <Form.Item name={[rowName, 'distribution']} label={t('sales.admin.rules.distribution')} style={{ flex: '1 1 240px' }}>
              <Radio.Group
                options={(['round_robin', 'least_loaded'] as const).map((value) => ({
                  value,
                  label: t(`sales.admin.rules.distributions.${value}`),
                }))}
              />
            </Form.Item>
          </>
        )}
      </Flex>
    </Card>
  );
}
