// Guards the signed-in part of the app: waits for the session, sends strangers to the login page.
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Button, Flex, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from './session.ts';

export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();
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
  if (!session.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return children;
}
