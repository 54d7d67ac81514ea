// 公司信息与默认值: the letterhead (name, address, phone, taxpayer ID, bank account, logo uploaded and previewed as
// the PDF prints it) and the defaults of quotes, contracts and dunning, saved with If-Match; a stale save loads the
// stored settings and says so.
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Form, Input, InputNumber, Radio, Row, Space, Typography, Upload } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CommerceSettings, CommerceSettingsInput } from '@guanxi/contracts';
import { useSession } from '../../../app/session.ts';
import { ApiError } from '../../../platform/api.ts';
import { errorMessage, showFormError } from '../../../platform/formErrors.ts';
import { logoSrc, readLogo } from './logoFile.ts';
import { saveCommerceSettings, settingsKeys, useCommerceSettings } from './settings.api.ts';

type Values = Omit<CommerceSettingsInput, 'logo'>;

const FIELDS = [
  'companyName',
  'companyAddress',
  'companyPhone',
  'taxNumber',
  'bankAccount',
  'rounding',
  'prices',
  'quoteValidityDays',
  'quoteTerms',
  'contractRenewalDays',
  'dunningIntervalDays',
] as const;

const toValues = (s: CommerceSettings): Values => Object.fromEntries(FIELDS.map((f) => [f, s[f]])) as Values;
const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

export function LetterheadForm() {
  const { t } = useTranslation();
  const settings = useCommerceSettings();
  if (settings.isPending) return <Card loading />;
  if (settings.isError) return <Alert type="error" showIcon message={errorMessage(t, settings.error)} />;
  return <SettingsForm key={settings.data.version} settings={settings.data} />;
}

function SettingsForm({ settings }: { settings: CommerceSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const isAdmin = !!useSession().data?.user?.isAdmin;
  const [form] = Form.useForm<Values>();
  const [logo, setLogo] = useState<{ base64: string | null; type: string | null }>({
    base64: settings.logo,
    type: settings.logoType,
  });
  const [saving, setSaving] = useState(false);
  const [logoError, setLogoError] = useState<string | null>(null);
  const watched = Form.useWatch([], form) as Values | undefined;
  const shown = { ...toValues(settings), ...watched };

  const save = async (values: Values) => {
    setSaving(true);
    try {
      const body = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, blankToNull(v)])) as CommerceSettingsInput;
      const saved = await saveCommerceSettings(
        { ...body, companyName: values.companyName ?? '', logo: logo.base64 },
        settings.version,
      );
      queryClient.setQueryData(settingsKeys.settings, saved);
      void message.success(t('commerce.settings.saved'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 412 && error.current) {
        void message.warning(t('commerce.settings.stale'));
        queryClient.setQueryData(settingsKeys.settings, error.current as CommerceSettings);
      } else {
        showFormError(form, message, t, error);
        const logoDetail = error instanceof ApiError ? error.details.find((d) => d.field === 'logo') : undefined;
        if (logoDetail) setLogoError(logoDetail.message);
      }
    } finally {
      setSaving(false);
    }
  };

  const days = <Typography.Text type="secondary">{t('commerce.settings.letterhead.days')}</Typography.Text>;
  return (
    <Form form={form} layout="vertical" initialValues={toValues(settings)} onFinish={(v) => void save(v)} disabled={!isAdmin}>
      {!isAdmin && <Alert type="info" showIcon message={t('commerce.settings.readOnly')} style={{ marginBottom: 16 }} />}
      <Row gutter={[24, 0]}>
        <Col xs={24} lg={14}>
          <Typography.Title level={4}>{t('commerce.settings.letterhead.company')}</Typography.Title>
          <Form.Item name="companyName" label={t('commerce.settings.letterhead.companyName')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="companyAddress" label={t('commerce.settings.letterhead.companyAddress')}>
            <Input maxLength={200} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item name="companyPhone" label={t('commerce.settings.letterhead.companyPhone')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="taxNumber" label={t('commerce.settings.letterhead.taxNumber')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="bankAccount" label={t('commerce.settings.letterhead.bankAccount')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            label={t('commerce.settings.letterhead.logo')}
            extra={t('commerce.settings.letterhead.logoHelp')}
            validateStatus={logoError ? 'error' : undefined}
            help={logoError ?? undefined}
          >
            <Space wrap>
              <Upload
                accept="image/png,image/jpeg"
                showUploadList={false}
                beforeUpload={(file) => {
                  void readLogo(file).then((read) => {
                    if (read.ok) {
                      setLogo({ base64: read.base64, type: read.type });
                      setLogoError(null);
                    } else
                      setLogoError(
                        t(
                          read.reason === 'tooLarge'
                            ? 'commerce.settings.letterhead.logoTooLarge'
                            : 'commerce.settings.letterhead.logoWrongType',
                        ),
                      );
                  });
                  return false;
                }}
              >
                <Button>{t('commerce.settings.letterhead.upload')}</Button>
              </Upload>
              {logo.base64 && (
                <Button danger onClick={() => setLogo({ base64: null, type: null })}>
                  {t('commerce.settings.letterhead.removeLogo')}
                </Button>
              )}
            </Space>
          </Form.Item>
        </Col>
        <Col xs={24} lg={10}>
          <LetterheadPreview values={shown} logo={logoSrc(logo.base64, logo.type)} />
        </Col>
      </Row>

      <Typography.Title level={4}>{t('commerce.settings.letterhead.defaults')}</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="rounding" label={t('commerce.settings.letterhead.rounding')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'perLine', label: t('commerce.settings.letterhead.roundingPerLine') },
                { value: 'perTotal', label: t('commerce.settings.letterhead.roundingPerTotal') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="prices" label={t('commerce.settings.letterhead.prices')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'inclusive', label: t('commerce.settings.letterhead.pricesInclusive') },
                { value: 'exclusive', label: t('commerce.settings.letterhead.pricesExclusive') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item
            name="quoteValidityDays"
            label={t('commerce.settings.letterhead.quoteValidityDays')}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={365} precision={0} suffix={days} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item
            name="contractRenewalDays"
            label={t('commerce.settings.letterhead.contractRenewalDays')}
            extra={t('commerce.settings.letterhead.contractRenewalHelp')}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={365} precision={0} suffix={days} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item
            name="dunningIntervalDays"
            label={t('commerce.settings.letterhead.dunningIntervalDays')}
            extra={t('commerce.settings.letterhead.dunningIntervalHelp')}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={90} precision={0} suffix={days} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="quoteTerms" label={t('commerce.settings.letterhead.quoteTerms')}>
        <Input.TextArea rows={4} maxLength={4000} />
      </Form.Item>
      {isAdmin && (
        <Flex gap={8} wrap>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('commerce.settings.save')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              setLogo({ base64: settings.logo, type: settings.logoType });
              setLogoError(null);
            }}
          >
            {t('commerce.settings.reset')}
          </Button>
        </Flex>
      )}
    </Form>
  );
}

/** The letterhead as the quote PDF lays it out: logo at the left, the name large, the contact lines below. */
function LetterheadPreview({ values, logo }: { values: Partial<Values>; logo: string | undefined }) {
  const { t } = useTranslation();
  const lines = [
    values.companyAddress,
    values.companyPhone && `${t('commerce.settings.letterhead.companyPhone')}：${values.companyPhone}`,
    values.taxNumber && `${t('commerce.settings.letterhead.taxNumber')}：${values.taxNumber}`,
    values.bankAccount && `${t('commerce.settings.letterhead.bankAccount')}：${values.bankAccount}`,
  ].filter(Boolean);
  return (
    <Card size="small" title={t('commerce.settings.letterhead.preview')} style={{ marginTop: 8, marginBottom: 16 }}>
      <Flex gap={12} align="flex-start" style={{ borderBottom: '2px solid #c8102e', paddingBottom: 8 }}>
        {logo && (
          <img
            src={logo}
            alt={t('commerce.settings.letterhead.logo')}
            style={{ width: 56, height: 56, objectFit: 'contain', flex: 'none' }}
          />
        )}
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong style={{ fontSize: 18, display: 'block' }}>
            {values.companyName || t('commerce.settings.letterhead.previewEmpty')}
          </Typography.Text>
          {lines.map((line) => (
            <Typography.Text key={String(line)} type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {line}
            </Typography.Text>
          ))}
        </div>
      </Flex>
    </Card>
  );
}
