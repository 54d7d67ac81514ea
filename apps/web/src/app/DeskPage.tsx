// 个人工作台, the home page after sign-in: greets the user; tasks, reminders and recent records arrive with later modules.
import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { roleNames } from './AppShell.tsx';
import { useSession } from './session.ts';

const UPCOMING = [
  { title: 'desk.tasksTitle', text: 'desk.tasksText' },
  { title: 'desk.remindersTitle', text: 'desk.remindersText' },
  { title: 'desk.recentTitle', text: 'desk.recentText' },
] as const;

export function DeskPage() {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  if (!user) return null;

  return (
    <>
      <Typography.Title level={2}>{t('desk.title')}</Typography.Title>
      <Card style={{ marginBottom: 24 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('desk.welcome', { name: user.displayName })}
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {t('common.identity', {
            orgUnit: user.orgUnitName,
            roles: roleNames(user, t('common.listSeparator')) || t('common.noRoles'),
          })}
        </Typography.Paragraph>
        <Typography.Paragraph style={{ marginBottom: 0 }}>{t('desk.intro')}</Typography.Paragraph>
      </Card>
      <Typography.Title level={4}>{t('desk.upcomingTitle')}</Typography.Title>
      <Row gutter={[16, 16]}>
        {UPCOMING.map((item) => (
          <Col key={item.title} xs={24} md={8}>
            <Card title={t(item.title)} style={{ height: '100%' }}>
              <Typography.Text type="secondary">{t(item.text)}</Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
