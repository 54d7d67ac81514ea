// An administrator's view of another user's API tokens, to revoke one that leaked or is no longer needed.
import { Modal, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApiToken, User } from '@guanxi/contracts';
import { api } from '../../platform/api.ts';
import { adminKeys, type Items } from './admin.api.ts';
import { TokenTable } from './TokenTable.tsx';

export function UserTokensDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const queryKey = adminKeys.userTokens(user.id);
  const tokens = useQuery({
    queryKey,
    queryFn: () => api.get<Items<ApiToken>>(`/users/${user.id}/tokens`).then((r) => r.items),
  });
  return (
    <Modal open title={t('admin.users.tokensTitle', { name: user.displayName })} footer={null} onCancel={onClose} width={880}>
      <Typography.Paragraph type="secondary">{t('admin.users.tokensHelp')}</Typography.Paragraph>
      <TokenTable query={tokens} queryKey={queryKey} revokePath={(token) => `/users/${user.id}/tokens/${token.id}`} />
    </Modal>
  );
}
