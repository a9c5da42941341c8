export interface NotificationItem {
  id: number;
  type: string;
  title: string;
  body: string;
  /** In-app path to open, e.g. /packages/concerns/detail/index?id=12 */
  link: string | null;
  read: boolean;
  createdAt: string;
}
/** GET /api/notifications/unread-count */
export interface UnreadCountResponse {
  unread: number;
}
/** POST /api/notifications/:id/read and POST /api/notifications/read-all -> UnreadCountResponse */
