// On a lead's page: 转化线索. The dialog lists the existing customers the duplicate rules find (same number, same
// name) so the rep attaches the lead to one instead of creating a twin, or confirms a new customer; optionally an
// opportunity opens at the same time. A converted lead shows where it went instead.
import { useState } from 'react';
import { Alert, App, Button, Checkbox, DatePicker, Flex, Form, Input, Modal, Radio, Space, Spin, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { showFormError } from '../../platform/formErrors.ts';
import type { DetailProps } from '../records/pageExtensions.ts';
import { formatDateTime } from '../records/fieldValues.ts';
import { convertLead, useConvertCandidates } from './sales.api.ts';

interface Values {
  customer: string;
  withOpportunity: boolean;
  opportunityName?: string;
  amount?: string;
  closeDate?: Dayjs;
}

const NEW = 'new';

export function ConvertLeadAction({ record }: DetailProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Values>();
  const candidates = useConvertCandidates(record.id, open);
  const name = String(record.company || record.name || '');

  if (record.status === 'converted') {
    const titles = (record.titles ?? {}) as Record<string, string>;
    return (
      <Alert
        style={{ marginBottom: 16 }}
        type="success"
        message={t('sales.convert.converted', { date: formatDateTime(String(record.convertedAt)) })}
        description={
          <Space wrap>
            {typeof record.convertedCustomerId === 'string' && (
              <Link to={`/customers/${record.convertedCustomerId}`}>
                {t('sales.convert.openCustomer')} {titles.convertedCustomerId ?? ''}
              </Link>
            )}
            {typeof record.convertedOpportunityId === 'string' && (
              <Link to={`/opportunities/${record.convertedOpportunityId}`}>
                {t('sales.convert.openOpportunity')} {titles.convertedOpportunityId ?? ''}
              </Link>
            )}
          </Space>
        }
      />
    );
  }
  if (record.status === 'disqualified' || !record.access?.update) return null;

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      const result = await convertLead(record.id, {
        version: record.version,
        createNew: values.customer === NEW,
        ...(values.customer !== NEW ? { customerId: values.customer } : {}),
        ...(values.withOpportunity
          ? {
              opportunity: {
                name: values.opportunityName!,
                ...(values.amount ? { amount: values.amount } : {}),
                ...(values.closeDate ? { expectedCloseDate: values.closeDate.format('YYYY-MM-DD') } : {}),
              },
            }
          : {}),
      });
      void message.success(t('sales.convert.done'));
      setOpen(false);
      void queryClient.invalidateQueries({ queryKey: ['records'] });
      void navigate(result.opportunityId ? `/opportunities/${result.opportunityId}` : `/customers/${result.customerId}`);
    } catch (err) {
      showFormError(form, message, t, err);
    } finally {
      setSaving(false);
    }
  };

  const first = candidates.data?.[0];
  return (
    <Flex style={{ marginBottom: 16 }}>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t('sales.convert.button')}
      </Button>
      <Modal
        open={open}
        title={t('sales.convert.title', { name })}
        okText={t('sales.convert.submit')}
        onOk={() => void form.submit()}
        confirmLoading={saving}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        width={560}
      >
        <Typography.Paragraph type="secondary">{t('sales.convert.intro')}</Typography.Paragraph>
        {/* The form waits for the candidates, so the likeliest existing customer is the one chosen at the start. */}
        {candidates.isPending ? (
          <Spin aria-label={t('common.loading')} />
        ) : (
          <Form
            form={form}
            layout="vertical"
            onFinish={(values) => void submit(values)}
            initialValues={{ customer: first ? first.id : NEW, withOpportunity: true, opportunityName: name }}
          >
            <Form.Item name="customer" label={candidates.data?.length ? t('sales.convert.candidates') : undefined}>
              <Radio.Group>
                <Flex vertical gap={8}>
                  {(candidates.data ?? []).map((c) => (
                    <Radio key={c.id} value={c.id}>
                      {c.name}{' '}
                      <Typography.Text type="secondary">
                        （{c.reason === 'identifier' ? t('sales.convert.reasonIdentifier') : t('sales.convert.reasonName')}
                        {c.ownerName ? ` · ${c.ownerName}` : ''}）
                      </Typography.Text>
                    </Radio>
                  ))}
                  <Radio value={NEW}>{t('sales.convert.newCustomer', { name })}</Radio>
                </Flex>
              </Radio.Group>
            </Form.Item>
            <Form.Item name="withOpportunity" valuePropName="checked">
              <Checkbox>{t('sales.convert.createOpportunity')}</Checkbox>
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.withOpportunity !== b.withOpportunity}>
              {({ getFieldValue }) =>
                getFieldValue('withOpportunity') && (
                  <>
                    <Form.Item
                      name="opportunityName"
                      label={t('sales.convert.opportunityName')}
                      rules={[{ required: true, message: t('sales.convert.opportunityNameRequired') }]}
                    >
                      <Input maxLength={200} />
                    </Form.Item>
                    <Flex gap={12} wrap>
                      <Form.Item name="amount" label={t('sales.convert.amount')} rules={[{ pattern: /^\d{1,16}(\.\d{1,2})?$/ }]}>
                        <Input inputMode="decimal" prefix="¥" style={{ width: 200 }} />
                      </Form.Item>
                      <Form.Item name="closeDate" label={t('sales.convert.closeDate')}>
                        <DatePicker />
                      </Form.Item>
                    </Flex>
                  </>
                )
              }
            </Form.Item>
          </Form>
        )}
      </Modal>
    </Flex>
  );
}
