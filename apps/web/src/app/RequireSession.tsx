// Guards the signed-in part of the app: waits for the session, sends strangers to the login page.
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Button, Flex, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { signedOutReason, useSession } from './session.ts';

export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();
  const queryClient = useQueryClient();
  if (session.isPending) {
    return (
      <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" aria-label={t('common.loading')} />
      </Flex>
    );
  }
  if (session.isError) {
    return (
      <Result
        status="warning"
        title={t('login.errors.network')}
        extra={<Button onClick={() => void session.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (!session.data) {
    const reason = signedOutReason(queryClient);
    // After a deliberate sign-out the next person starts at the desk, not on the last page.
    const from = reason === 'loggedOut' ? undefined : location.pathname + location.search;
    return <Navigate to="/login" replace state={{ reason, from }} />;
  }
  return children;
}
