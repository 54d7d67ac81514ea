// 线索表单 (administrators): the public lead forms of the campaigns — add or edit one (address key, campaign, the
// interest its leads carry, the fallback owner when no rule matches, active) and copy what publishes it: the hosted
// page's address and QR code, a link for a campaign page, and the API address.
import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Modal,
  QRCode,
  Select,
  Tag,
  Typography,
} from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LeadFormInput } from '@guanxi/contracts';
import { useMeta } from '../../../platform/meta.ts';
import { errorMessage } from '../../../platform/formErrors.ts';
import { FormDialog } from '../../admin/FormDialog.tsx';
import { placeFormError } from './adminForms.ts';
import { leadFormEndpoint, leadFormFrame, leadFormLink, leadFormPageUrl } from './leadFormEmbed.ts';
import { type LeadForm, saveLeadForm, salesAdminKeys, useLeadForms, useUserSummary } from './salesAdmin.api.ts';
import { UserPicker } from './UserPicker.tsx';

const KEY_PATTERN = /^[a-z0-9][a-z0-9-]{2,62}$/;

const useInterestOptions = () =>
  useMeta()
    .data?.find((e) => e.name === 'lead')
    ?.fields.find((f) => f.name === 'interest')?.options ?? [];

export function LeadFormsPage() {
  const { t } = useTranslation();
  const forms = useLeadForms();
  const [editing, setEditing] = useState<{ form?: LeadForm }>();
  const [embedding, setEmbedding] = useState<LeadForm>();
  return (
    <>
      <Flex justify="end" style={{ marginBottom: 16 }}>
        <Button type="primary" onClick={() => setEditing({})}>
          {t('sales.admin.forms.create')}
        </Button>
      </Flex>
      <List
        loading={forms.isPending}
        dataSource={forms.data ?? []}
        rowKey="id"
        locale={{
          emptyText: forms.isError ? errorMessage(t, forms.error) : <Empty description={t('sales.admin.forms.empty')} />,
        }}
        renderItem={(form) => (
          <List.Item style={{ display: 'block', borderBlockEnd: 'none', padding: '0 0 12px' }}>
            <LeadFormCard form={form} onEdit={() => setEditing({ form })} onEmbed={() => setEmbedding(form)} />
          </List.Item>
        )}
      />
      {editing && <LeadFormDialog form={editing.form} onClose={() => setEditing(undefined)} />}
      {embedding && <EmbedDialog form={embedding} onClose={() => setEmbedding(undefined)} />}
    </>
  );
}

function LeadFormCard({ form, onEdit, onEmbed }: { form: LeadForm; onEdit: () => void; onEmbed: () => void }) {
  const { t } = useTranslation();
  const fallback = useUserSummary(form.fallbackUserId);
  const interest = useInterestOptions().find((o) => o.value === form.interest)?.label;
  return (
    <Card
      size="small"
      role="region"
      aria-label={form.name}
      title={
        <Flex gap={8} wrap align="center">
          <span>{form.name}</span>
          {!form.active && <Tag>{t('sales.admin.common.inactive')}</Tag>}
        </Flex>
      }
      extra={
        <Flex gap={4} wrap justify="end">
          <Button
            size="small"
            autoInsertSpace={false}
            aria-label={t('sales.admin.forms.embedLabel', { name: form.name })}
            onClick={onEmbed}
          >
            {t('sales.admin.forms.embed')}
          </Button>
          <Button
            size="small"
            autoInsertSpace={false}
            aria-label={t('sales.admin.forms.editLabel', { name: form.name })}
            onClick={onEdit}
          >
            {t('sales.admin.common.edit')}
          </Button>
        </Flex>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        items={[
          { key: 'key', label: t('sales.admin.forms.key'), children: <code>{form.key}</code> },
          { key: 'campaign', label: t('sales.admin.forms.campaign'), children: form.campaign ?? '—' },
          { key: 'interest', label: t('sales.admin.forms.interest'), children: interest ?? '—' },
          { key: 'fallback', label: t('sales.admin.forms.fallbackUser'), children: fallback.data?.displayName ?? '—' },
        ]}
      />
    </Card>
  );
}

type Values = Required<Omit<LeadFormInput, 'fallbackUserId'>> & { fallbackUserId?: string };

function LeadFormDialog({ form: existing, onClose }: { form?: LeadForm; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const interests = useInterestOptions();

  const save = async (values: Values) => {
    setSaving(true);
    try {
      await saveLeadForm(
        {
          // Field by field: the saved form carries more (id, createdAt) than the strict input takes.
          key: values.key.trim(),
          name: values.name.trim(),
          campaign: values.campaign?.trim() || null,
          interest: values.interest ?? null,
          active: values.active,
          fallbackUserId: values.fallbackUserId!,
        },
        existing?.id,
      );
      await queryClient.invalidateQueries({ queryKey: salesAdminKeys.forms });
      void message.success(t('sales.admin.common.saved'));
      onClose();
    } catch (err) {
      const rest = placeFormError(form, message, t, err);
      if (rest.length) void message.error(rest.join(' '));
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormDialog
      title={existing ? t('sales.admin.forms.editTitle', { name: existing.name }) : t('sales.admin.forms.createTitle')}
      saving={saving}
      onSave={() => form.submit()}
      onClose={onClose}
      width={640}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={existing ?? { key: '', name: '', campaign: null, interest: null, active: true }}
        onFinish={(values) => void save(values)}
      >
        <Flex wrap gap={16}>
          <Form.Item
            name="name"
            label={t('sales.admin.forms.name')}
            rules={[{ required: true, whitespace: true, message: t('sales.admin.forms.nameRequired') }]}
            style={{ flex: '1 1 220px', minWidth: 0 }}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="key"
            label={t('sales.admin.forms.key')}
            extra={t('sales.admin.forms.keyHelp')}
            rules={[
              { required: true, message: t('sales.admin.forms.keyInvalid') },
              { pattern: KEY_PATTERN, message: t('sales.admin.forms.keyInvalid') },
            ]}
            style={{ flex: '1 1 220px', minWidth: 0 }}
          >
            <Input maxLength={63} />
          </Form.Item>
        </Flex>
        <Flex wrap gap={16}>
          <Form.Item name="campaign" label={t('sales.admin.forms.campaign')} style={{ flex: '1 1 220px', minWidth: 0 }}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="interest" label={t('sales.admin.forms.interest')} style={{ flex: '1 1 220px', minWidth: 0 }}>
            <Select allowClear options={interests} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="fallbackUserId"
          label={t('sales.admin.forms.fallbackUser')}
          extra={t('sales.admin.forms.fallbackUserHelp')}
          rules={[{ required: true, message: t('sales.admin.forms.fallbackUserRequired') }]}
        >
          <UserPicker />
        </Form.Item>
        <Form.Item name="active" valuePropName="checked">
          <Checkbox>{t('sales.admin.forms.active')}</Checkbox>
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

function EmbedDialog({ form, onClose }: { form: LeadForm; onClose: () => void }) {
  const { t } = useTranslation();
  const origin = window.location.origin;
  const copyable = { tooltips: [t('sales.admin.common.copy'), t('sales.admin.common.copied')] as [string, string] };
  const block = { background: '#f5f5f5', padding: 8, borderRadius: 6, wordBreak: 'break-all' as const, fontFamily: 'monospace' };
  return (
    <Modal open title={t('sales.admin.forms.embedTitle', { name: form.name })} onCancel={onClose} footer={null} width={720}>
      <Typography.Title level={5}>{t('sales.admin.forms.pageUrl')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('sales.admin.forms.pageUrlHelp')}</Typography.Paragraph>
      <Flex gap={16} wrap align="center" style={{ marginBottom: 16 }}>
        <QRCode value={leadFormPageUrl(origin, form.key)} size={120} aria-label={t('sales.admin.forms.qr')} />
        <Typography.Paragraph copyable={copyable} style={{ ...block, flex: '1 1 240px', minWidth: 0, marginBottom: 0 }}>
          {leadFormPageUrl(origin, form.key)}
        </Typography.Paragraph>
      </Flex>
      <Typography.Title level={5}>{t('sales.admin.forms.link')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('sales.admin.forms.linkHelp')}</Typography.Paragraph>
      <Typography.Paragraph copyable={copyable} style={block}>
        {leadFormLink(origin, form.key, t('sales.admin.forms.linkText'))}
      </Typography.Paragraph>
      <Typography.Title level={5}>{t('sales.admin.forms.frame')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('sales.admin.forms.frameHelp')}</Typography.Paragraph>
      <Typography.Paragraph copyable={copyable} style={block}>
        {leadFormFrame(origin, form.key, form.name)}
      </Typography.Paragraph>
      <Typography.Title level={5}>{t('sales.admin.forms.endpoint')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('sales.admin.forms.endpointHelp')}</Typography.Paragraph>
      <Typography.Paragraph copyable={copyable} style={block}>
        {leadFormEndpoint(origin, form.key)}
      </Typography.Paragraph>
    </Modal>
  );
}
