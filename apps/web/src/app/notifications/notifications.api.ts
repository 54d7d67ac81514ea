// The bell's data: the user's notifications from /notifications, kept fresh by the SSE stream, and the read marks.
import { useEffect, useRef } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Notification, NotificationList } from '@guanxi/contracts';
import { api } from '../../platform/api.ts';

export const notificationsKey = ['notifications'] as const;
const STREAM_URL = '/api/v1/events/stream';
/** After the server refused the stream (signed out, too many tabs), try again this much later. */
const REOPEN_AFTER_MS = 15_000;
/** Events after which the list on the server may differ from ours. */
const STALE_EVENTS = ['ready', 'notification', 'notifications.read', 'resync'] as const;

export function useNotifications() {
  return useQuery({
    queryKey: notificationsKey,
    queryFn: () => api.get<NotificationList>('/notifications?limit=20'),
  });
}

/**
 * Listens to the user's event stream while mounted; `onNotification` hears each new notification as it arrives.
 * EventSource reconnects by itself after a dropped connection (sending Last-Event-ID, so missed notifications are
 * replayed); every (re)connect starts with `ready`, which refetches the list, as does `resync`.
 */
export function useNotificationStream(onNotification: (notification: Notification) => void): void {
  const queryClient = useQueryClient();
  const latest = useRef(onNotification);
  useEffect(() => {
    latest.current = onNotification;
  });
  useEffect(() => {
    let source: EventSource | undefined;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => void queryClient.invalidateQueries({ queryKey: notificationsKey });
    const open = () => {
      source = new EventSource(STREAM_URL);
      for (const event of STALE_EVENTS) source.addEventListener(event, refresh);
      source.addEventListener('notification', (event) => latest.current(JSON.parse(event.data as string) as Notification));
      source.onerror = () => {
        // CLOSED means the browser gave up (an answer other than a stream); CONNECTING means it is retrying.
        if (source?.readyState !== EventSource.CLOSED) return;
        source.close();
        reopen = setTimeout(open, REOPEN_AFTER_MS);
      };
    };
    open();
    return () => {
      clearTimeout(reopen);
      source?.close();
    };
  }, [queryClient]);
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post(`/notifications/${id}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/notifications/read-all'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}
