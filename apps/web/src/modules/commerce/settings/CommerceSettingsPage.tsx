// 商务设置 (系统管理): the letterhead and defaults quotes, contracts and dunning use, the discount each role may give
// without approval, and the approval chain — one tab each, each saved on its own.
import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApprovalChainForm } from './ApprovalChainForm.tsx';
import { DiscountLimitsForm } from './DiscountLimitsForm.tsx';
import { LetterheadForm } from './LetterheadForm.tsx';

export function CommerceSettingsPage() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('commerce.settings.intro')}</Typography.Paragraph>
      <Tabs
        type="card"
        items={[
          { key: 'letterhead', label: t('commerce.settings.tabs.letterhead'), children: <LetterheadForm /> },
          { key: 'limits', label: t('commerce.settings.tabs.limits'), children: <DiscountLimitsForm /> },
          { key: 'chain', label: t('commerce.settings.tabs.chain'), children: <ApprovalChainForm /> },
        ]}
      />
    </>
  );
}
