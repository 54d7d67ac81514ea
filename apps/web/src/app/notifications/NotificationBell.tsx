// The bell in the header: the unread count (kept live by the event stream) and a list of the latest
// notifications with their time, a link to the record when there is one, and read marks.
import { useState } from 'react';
import { Alert, App, Badge, Button, Empty, Flex, Popover, Spin, Typography, theme } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Notification } from '@guanxi/contracts';
import { BellIcon } from '../icons.tsx';
import { useMarkAllRead, useMarkRead, useNotifications, useNotificationStream } from './notifications.api.ts';
import { timeAgo } from './timeAgo.ts';

export function NotificationBell() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { notification } = App.useApp();
  // A short toast as well, away from the bell and its list, for people who are not looking at the badge.
  useNotificationStream((item) =>
    notification.info({ key: item.id, title: item.title, description: item.body, placement: 'bottomRight', duration: 6 }),
  );
  const list = useNotifications();
  const unread = list.data?.unread ?? 0;

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title={<NotificationsTitle unread={unread} />}
      content={<NotificationList onNavigate={() => setOpen(false)} />}
    >
      <Badge count={unread} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          icon={<BellIcon />}
          aria-label={unread ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}
          aria-haspopup="dialog"
          aria-expanded={open}
          style={{ fontSize: 18 }}
        />
      </Badge>
    </Popover>
  );
}

function NotificationsTitle({ unread }: { unread: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const markAll = useMarkAllRead();
  return (
    <Flex justify="space-between" align="center" gap={12}>
      <Typography.Text strong>{t('notifications.title')}</Typography.Text>
      {unread > 0 && (
        <Button
          size="small"
          type="link"
          loading={markAll.isPending}
          onClick={() => markAll.mutate(undefined, { onError: () => void message.error(t('notifications.actionFailed')) })}
        >
          {t('notifications.markAllRead')}
        </Button>
      )}
    </Flex>
  );
}

function NotificationList({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const list = useNotifications();
  if (list.isPending) return <Spin aria-label={t('common.loading')} />;
  if (list.isError) return <Alert type="error" title={t('notifications.loadFailed')} />;
  if (!list.data.items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />;
  return (
    <ul
      style={{
        listStyle: 'none',
        margin: 0,
        padding: 0,
        width: 'min(360px, calc(100vw - 48px))',
        maxHeight: 420,
        overflowY: 'auto',
      }}
    >
      {list.data.items.map((item) => (
        <NotificationItem key={item.id} item={item} onNavigate={onNavigate} />
      ))}
    </ul>
  );
}

function NotificationItem({ item, onNavigate }: { item: Notification; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const unread = item.readAt === null;
  const onError = () => void message.error(t('notifications.actionFailed'));

  const open = (link: string) => {
    if (unread) markRead.mutate(item.id, { onError });
    onNavigate();
    void navigate(link);
  };

  return (
    <li
      aria-label={unread ? `${t('notifications.unread')}: ${item.title}` : item.title}
      style={{ padding: '8px 0', borderBottom: `1px solid ${token.colorBorderSecondary}` }}
    >
      <Flex align="baseline" gap={6}>
        {unread && <Badge status="processing" aria-hidden />}
        <Typography.Text strong={unread} style={{ flex: 1, minWidth: 0 }}>
          {item.title}
        </Typography.Text>
      </Flex>
      {item.body && (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '2px 0 0' }}>
          {item.body}
        </Typography.Paragraph>
      )}
      <Flex justify="space-between" align="center" gap={8} style={{ marginTop: 2 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <time dateTime={item.createdAt}>{timeAgo(item.createdAt, t('notifications.justNow'))}</time>
        </Typography.Text>
        <Flex gap={4}>
          {item.link && (
            <Button size="small" type="link" onClick={() => open(item.link!)}>
              {t('notifications.open')}
            </Button>
          )}
          {unread && (
            <Button size="small" type="link" loading={markRead.isPending} onClick={() => markRead.mutate(item.id, { onError })}>
              {t('notifications.markRead')}
            </Button>
          )}
        </Flex>
      </Flex>
    </li>
  );
}
