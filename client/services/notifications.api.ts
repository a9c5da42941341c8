import type { Page } from '@contracts/common.contract';
import type { NotificationItem, UnreadCountResponse } from '@contracts/notifications.contract';
import { request } from './request';

export function listNotifications(cursor?: string | null): Promise<Page<NotificationItem>> {
  return request<Page<NotificationItem>>('/api/notifications', { query: { cursor, limit: 20 } });
}

export function getUnreadCount(): Promise<UnreadCountResponse> {
  return request<UnreadCountResponse>('/api/notifications/unread-count');
}

export function markNotificationRead(id: number): Promise<UnreadCountResponse> {
  return request<UnreadCountResponse>(`/api/notifications/${id}/read`, { method: 'POST', body: {} });
}

export function markAllNotificationsRead(): Promise<UnreadCountResponse> {
  return request<UnreadCountResponse>('/api/notifications/read-all', { method: 'POST', body: {} });
}
