// 审批流程: the chain's steps in order — name, approving role, the discount it approves up to (the last may be
// unlimited), the record kinds it applies to, active — reordered by 上移 / 下移 and saved whole. The server's
// refusals go beside the step field they name (`steps.2.upToPercent`).
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Flex, Form, Input, Row, Select, Space, Switch, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApprovalChain, ApprovalChainInput, ApprovalRecordTypeName } from '@guanxi/contracts';
import { errorMessage } from '../../../platform/formErrors.ts';
import { placeFormError } from '../../sales/admin/adminForms.ts';
import { focusAfterStep, stepTarget } from '../../sales/admin/ordering.ts';
import { formatPercent } from '../approvals/approvals.format.ts';
import { saveApprovalChain, settingsKeys, useApprovalChain, useDiscountLimits } from './settings.api.ts';

interface StepValues {
  name: string;
  roleId?: string;
  upToPercent?: string;
  unlimited: boolean;
  appliesTo: ApprovalRecordTypeName[];
  active: boolean;
}

const toValues = (chain: ApprovalChain): StepValues[] =>
  chain.steps.map((s) => ({
    name: s.name,
    roleId: s.roleId,
    upToPercent: s.upToPercent === null ? '' : formatPercent(s.upToPercent),
    unlimited: s.upToPercent === null,
    appliesTo: s.appliesTo,
    active: s.active,
  }));

const toInput = (steps: StepValues[]): ApprovalChainInput => ({
  steps: steps.map((s) => ({
    name: s.name.trim(),
    roleId: s.roleId ?? '',
    upToPercent: s.unlimited ? null : (s.upToPercent ?? '').trim(),
    appliesTo: s.appliesTo,
    active: s.active,
  })),
});

export function ApprovalChainForm() {
  const { t } = useTranslation();
  const chain = useApprovalChain();
  if (chain.isPending) return <Card loading />;
  if (chain.isError) return <Alert type="error" showIcon message={errorMessage(t, chain.error)} />;
  return <ChainForm key={chain.dataUpdatedAt} chain={chain.data} />;
}

function ChainForm({ chain }: { chain: ApprovalChain }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ steps: StepValues[] }>();
  const [saving, setSaving] = useState(false);
  const [listErrors, setListErrors] = useState<string[]>([]);
  const [announce, setAnnounce] = useState('');

  const save = async ({ steps = [] }: { steps?: StepValues[] }) => {
    setSaving(true);
    setListErrors([]);
    try {
      const saved = await saveApprovalChain(toInput(steps));
      queryClient.setQueryData(settingsKeys.chain, saved);
      void message.success(t('commerce.settings.saved'));
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
      initialValues={{ steps: toValues(chain) }}
      onFinish={(v) => void save(v)}
      scrollToFirstError
    >
      <Alert type="info" showIcon message={t('commerce.settings.chain.intro')} style={{ marginBottom: 16 }} />
      {listErrors.map((text) => (
        <Alert key={text} type="error" showIcon message={text} style={{ marginBottom: 12 }} />
      ))}
      <div aria-live="polite" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
        {announce}
      </div>
      <Form.List name="steps">
        {(rows, { add, remove, move }) => (
          <>
            {rows.length === 0 && (
              <Alert type="warning" showIcon message={t('commerce.settings.chain.empty')} style={{ marginBottom: 12 }} />
            )}
            <div role="list" aria-label={t('commerce.settings.tabs.chain')}>
              {rows.map((row, index) => (
                <StepCard
                  key={row.key}
                  index={index}
                  rowName={row.name}
                  count={rows.length}
                  onStep={(step) => {
                    const to = stepTarget(index, step, rows.length);
                    if (to === undefined) return;
                    const name = String(form.getFieldValue(['steps', index, 'name']) ?? '');
                    move(index, to);
                    setAnnounce(t('commerce.settings.chain.movedTo', { name, n: to + 1 }));
                    const id = focusAfterStep('step', to, step, rows.length);
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
                  name: t('commerce.settings.chain.newStep'),
                  unlimited: false,
                  upToPercent: '',
                  appliesTo: ['quote', 'order'],
                  active: true,
                } satisfies StepValues)
              }
            >
              {t('commerce.settings.chain.add')}
            </Button>
          </>
        )}
      </Form.List>
      <Flex gap={8} wrap style={{ marginTop: 24 }}>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('commerce.settings.save')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            setListErrors([]);
          }}
        >
          {t('commerce.settings.reset')}
        </Button>
      </Flex>
    </Form>
  );
}

interface StepCardProps {
  index: number;
  rowName: number;
  count: number;
  onStep: (step: -1 | 1) => void;
  onRemove: () => void;
}

function StepCard({ index, rowName, count, onStep, onRemove }: StepCardProps) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const roles = useDiscountLimits().data?.items ?? [];
  const name =
    (Form.useWatch(['steps', rowName, 'name'], form) as string | undefined) ||
    t('commerce.settings.chain.stepN', { n: index + 1 });
  const unlimited = Form.useWatch(['steps', rowName, 'unlimited'], form) as boolean | undefined;
  return (
    <Card
      size="small"
      role="listitem"
      aria-label={name}
      style={{ marginBottom: 12 }}
      title={
        <Flex gap={8} align="center" style={{ minWidth: 0 }}>
          <Typography.Text type="secondary">{t('commerce.settings.chain.stepN', { n: index + 1 })}</Typography.Text>
          <Typography.Text ellipsis>{name}</Typography.Text>
        </Flex>
      }
      extra={
        <Space size={4}>
          <Button
            id={`step-up-${index}`}
            size="small"
            disabled={index === 0}
            aria-label={`${t('commerce.settings.chain.moveUp')} ${name}`}
            onClick={() => onStep(-1)}
          >
            ↑
          </Button>
          <Button
            id={`step-down-${index}`}
            size="small"
            disabled={index === count - 1}
            aria-label={`${t('commerce.settings.chain.moveDown')} ${name}`}
            onClick={() => onStep(1)}
          >
            ↓
          </Button>
          <Button
            size="small"
            danger
            autoInsertSpace={false}
            onClick={onRemove}
            aria-label={`${t('commerce.settings.chain.remove')} ${name}`}
          >
            {t('commerce.settings.chain.remove')}
          </Button>
        </Space>
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name={[rowName, 'name']}
            label={t('commerce.settings.chain.name')}
            rules={[{ required: true, whitespace: true, message: t('commerce.settings.chain.required') }]}
          >
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={[rowName, 'roleId']}
            label={t('commerce.settings.chain.role')}
            rules={[{ required: true, message: t('commerce.settings.chain.required') }]}
          >
            <Select options={roles.map((r) => ({ value: r.roleId, label: r.roleName }))} showSearch optionFilterProp="label" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('commerce.settings.chain.upToPercent')}
            required={!unlimited}
            extra={unlimited ? t('commerce.settings.chain.unlimitedHelp') : undefined}
          >
            <Flex gap={12} align="center">
              <Form.Item
                name={[rowName, 'upToPercent']}
                noStyle
                rules={unlimited ? [] : [{ required: true, whitespace: true, message: t('commerce.settings.chain.required') }]}
              >
                <Input
                  inputMode="decimal"
                  suffix="%"
                  disabled={unlimited}
                  aria-label={`${name} ${t('commerce.settings.chain.upToPercent')}`}
                />
              </Form.Item>
              <Form.Item name={[rowName, 'unlimited']} valuePropName="checked" noStyle>
                <Checkbox style={{ whiteSpace: 'nowrap' }}>{t('commerce.settings.chain.unlimited')}</Checkbox>
              </Form.Item>
            </Flex>
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          {/* No `required` rule: antd would put aria-required on the group's div; the server names an empty choice. */}
          <Form.Item name={[rowName, 'appliesTo']} label={t('commerce.settings.chain.appliesTo')}>
            <Checkbox.Group
              role="group"
              aria-label={`${name} ${t('commerce.settings.chain.appliesTo')}`}
              options={(['quote', 'order'] as const).map((kind) => ({
                value: kind,
                label: t(`commerce.approvals.recordTypes.${kind}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={[rowName, 'active']} label={t('commerce.settings.chain.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
