import { z } from 'zod';

/**
 * The audit log 审计日志 (issue 10, PIPL): append-only; the street reads its own (GET /api/audit), a resident reads who
 * looked at their data (GET /api/me/data, D).
 */
export const AuditActions = [
  'admin.bootstrap',
  'org.create', 'org.rename', 'org.retire', 'org.restore', 'org.update',
  'invitation.create', 'invitation.redeem', 'invitation.revoke',
  'role.change', 'role.revoke',
  'register.import', 'register.export', 'register.read', 'register.update',
  'personal_data.read',
  'unit.confirm',
  'account.export', 'account.delete',
] as const;
export type AuditAction = (typeof AuditActions)[number];

export const AuditActionLabels: Record<AuditAction, string> = {
  'admin.bootstrap': '创建街道管理员',
  'org.create': '新建组织',
  'org.rename': '组织改名',
  'org.retire': '撤销组织',
  'org.restore': '恢复组织',
  'org.update': '修改组织',
  'invitation.create': '发出邀请',
  'invitation.redeem': '接受邀请',
  'invitation.revoke': '作废邀请',
  'role.change': '调整身份',
  'role.revoke': '撤销身份',
  'register.import': '导入台账',
  'register.export': '导出台账',
  'register.read': '查看台账',
  'register.update': '修改台账',
  'personal_data.read': '查看个人信息',
  'unit.confirm': '确认住址',
  'account.export': '导出个人数据',
  'account.delete': '注销账号',
};

export interface AuditEntry {
  id: number;
  at: string;
  action: AuditAction;
  actionLabel: string;
  /** "尹宝峰（街道管理员）", or "系统" for the setup command. */
  actor: string;
  /** The person concerned, by name ("已注销用户" after deletion), or null. */
  subject: string | null;
  detail: string | null;
}

/** GET /api/audit?action=&before= — newest first, 50 a page; `nextBefore` is the cursor for the next page. */
export const AuditQuerySchema = z.object({
  action: z.enum(AuditActions).optional(),
  before: z.coerce.number().int().positive().optional(),
}).strict();
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export interface AuditPage {
  items: AuditEntry[];
  nextBefore: number | null;
}
