// 个人工作台, the home page after sign-in: greets the user and lists the records they opened lately; tasks and
// reminders arrive with later modules.
import { Card, Col, Empty, Flex, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { roleNames } from './AppShell.tsx';
import { useRecentRecords } from './recent.ts';
import { useSession } from './session.ts';
import { usePageTitle } from './usePageTitle.ts';

const UPCOMING = [
  { title: 'desk.tasksTitle', text: 'desk.tasksText' },
  { title: 'desk.remindersTitle', text: 'desk.remindersText' },
] as const;

export function DeskPage() {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  usePageTitle(t('desk.title'));
  if (!user) return null;

  return (
    <>
      <Typography.Title level={2}>{t('desk.title')}</Typography.Title>
      <Card style={{ marginBottom: 24 }}>
        <Typography.Title level={3} style={{ marginTop: 0, fontSize: 20 }}>
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
      <RecentRecords userId={user.id} />
      <Typography.Title level={3} style={{ fontSize: 20 }}>
        {t('desk.upcomingTitle')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {UPCOMING.map((item) => (
          <Col key={item.title} xs={24} md={12}>
            <Card title={t(item.title)} style={{ height: '100%' }}>
              <Typography.Text type="secondary">{t(item.text)}</Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}

function RecentRecords({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const recent = useRecentRecords(userId);
  return (
    <Card title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('desk.recentTitle')}</h3>} style={{ marginBottom: 24 }}>
      {recent.length ? (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {recent.map((record) => (
            <li key={`${record.plural}/${record.id}`} style={{ padding: '6px 0' }}>
              <Flex gap={8} align="baseline" style={{ minWidth: 0 }}>
                <Typography.Text type="secondary" style={{ flexShrink: 0 }}>
                  {record.typeLabel}
                </Typography.Text>
                <Link
                  to={`/${record.plural}/${record.id}`}
                  style={{ minWidth: 0, overflowWrap: 'anywhere', display: 'inline-block', minHeight: 24, lineHeight: '24px' }}
                >
                  {record.title}
                </Link>
              </Flex>
            </li>
          ))}
        </ul>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('desk.recentEmpty')} />
      )}
    </Card>
  );
}
