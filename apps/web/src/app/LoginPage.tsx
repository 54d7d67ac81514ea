// The sign-in page: Chinese first, says plainly why it is shown (expired session, signed out) and why sign-in failed.
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { signInErrorMessage } from './loginMessages.ts';
import { useSession, useSignIn, type Credentials, type SignedOutReason } from './session.ts';

interface LoginState {
  reason?: SignedOutReason;
  from?: string;
}

const REASON_TYPE = { expired: 'warning', signedOut: 'warning', loggedOut: 'success' } as const;

export function LoginPage() {
  const { t } = useTranslation();
  const state = (useLocation().state ?? {}) as LoginState;
  const session = useSession();
  const signIn = useSignIn();

  // Signed in (already, or just now): on to where the user was going.
  if (session.data) return <Navigate to={state.from ?? '/'} replace />;

  const onFinish = (values: Credentials) => signIn.mutate(values);
  const notice = signIn.isError
    ? { type: 'error' as const, text: signInErrorMessage(t, signIn.error) }
    : state.reason && { type: REASON_TYPE[state.reason], text: t(`login.reasons.${state.reason}`) };

  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', padding: '16px', background: '#f5f7fa' }}>
      <Flex justify="flex-end" style={{ width: '100%' }}>
        <LanguageSwitch />
      </Flex>
      <Flex vertical align="center" style={{ width: '100%', maxWidth: 400, marginTop: '8vh' }}>
        <Typography.Title level={1} style={{ marginBottom: 4 }}>
          {t('app.fullName')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('app.tagline')}
        </Typography.Paragraph>
        <Card title={t('login.title')} style={{ width: '100%' }}>
          {notice && <Alert type={notice.type} title={notice.text} showIcon style={{ marginBottom: 16 }} />}
          <Form<Credentials> name="login" layout="vertical" requiredMark={false} onFinish={onFinish} disabled={signIn.isPending}>
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, message: t('login.usernameRequired') }]}
            >
              <Input autoComplete="username" placeholder={t('login.usernamePlaceholder')} size="large" autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password autoComplete="current-password" placeholder={t('login.passwordPlaceholder')} size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={signIn.isPending}>
              {t('login.submit')}
            </Button>
          </Form>
        </Card>
      </Flex>
    </Flex>
  );
}
