// 催款函: the customer's letter for an overdue instalment, as the server writes it (subject, the letter in Chinese with
// 大写金额, the order's contact greeted, the owner to answer), to copy into any channel or to open in the user's mail
// program addressed to the customer's best e-mail. Without an e-mail on file the mail button is off and says why.
import { Alert, App, Button, Flex, Modal, Skeleton, Tag, Typography } from 'antd';
import { CopyOutlined, MailOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../platform/formErrors.ts';
import { copyText, letterForClipboard, mailtoHref } from './dunningMail.ts';
import { useDunningLetter } from './receivables.api.ts';

/** The 催款函 button of an instalment row: shown only while it is overdue. */
export function DunningLetterButton({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <Button size="small" icon={<MailOutlined />} onClick={onOpen}>
      {t('commerce.receivables.dunning.open')}
    </Button>
  );
}

export function DunningLetterDialog({
  orderId,
  instalmentId,
  title,
  onClose,
}: {
  orderId: string;
  instalmentId: string;
  /** SO2026-000012 第 2 期 … — which instalment the letter is for. */
  title: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const letter = useDunningLetter(orderId, instalmentId);
  const data = letter.data;
  const address = data?.to[0];

  const copy = async () => {
    if (!data) return;
    if (await copyText(letterForClipboard(data.subject, data.text)))
      void message.success(t('commerce.receivables.dunning.copied'));
    else void message.error(t('commerce.receivables.dunning.copyFailed'));
  };

  return (
    <Modal
      open
      title={t('commerce.receivables.dunning.title')}
      onCancel={onClose}
      width={720}
      styles={{ body: { maxHeight: '70vh', overflowY: 'auto' } }}
      footer={
        <Flex wrap gap={8} justify="flex-end">
          <Button onClick={onClose}>{t('commerce.receivables.dunning.close')}</Button>
          <Button icon={<CopyOutlined />} disabled={!data} onClick={() => void copy()}>
            {t('commerce.receivables.dunning.copy')}
          </Button>
          <Button
            type="primary"
            icon={<MailOutlined />}
            disabled={!address}
            href={data && address ? mailtoHref(address, data.subject, data.text) : undefined}
          >
            {t('commerce.receivables.dunning.mail')}
          </Button>
        </Flex>
      }
    >
      {letter.isPending && <Skeleton active paragraph={{ rows: 8 }} />}
      {letter.isError && <Alert type="warning" showIcon message={errorMessage(t, letter.error)} />}
      {data && (
        <>
          <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
            <Typography.Text strong>{title}</Typography.Text>
            <Tag color="red">{t('commerce.receivables.status.overdue', { days: data.daysOverdue })}</Tag>
            <Tag>{t('commerce.receivables.dunning.level', { n: data.level })}</Tag>
          </Flex>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8, wordBreak: 'break-all' }}>
            {t('commerce.receivables.dunning.to')}：
            {data.to.length ? data.to.join('；') : t('commerce.receivables.dunning.noAddress')}
          </Typography.Paragraph>
          <Typography.Paragraph style={{ marginBottom: 12 }}>
            <Typography.Text type="secondary">{t('commerce.receivables.dunning.subject')}：</Typography.Text>
            <Typography.Text strong data-testid="dunning-subject">
              {data.subject}
            </Typography.Text>
          </Typography.Paragraph>
          <div
            data-testid="dunning-text"
            aria-label={t('commerce.receivables.dunning.body')}
            role="document"
            style={{
              whiteSpace: 'pre-wrap',
              wordBreak: 'break-word',
              lineHeight: 1.8,
              fontSize: 14,
              background: '#fafafa',
              border: '1px solid #f0f0f0',
              borderRadius: 8,
              padding: '12px 16px',
            }}
          >
            {data.text}
          </div>
          {!address && (
            <Alert type="info" showIcon style={{ marginTop: 12 }} message={t('commerce.receivables.dunning.noAddressHelp')} />
          )}
        </>
      )}
    </Modal>
  );
}
