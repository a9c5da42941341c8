/** Plain lines shown to roles that may not use a 人员与邀请 screen. */
export const STAFF_ONLY_LINE = '只有街道管理员和社区工作人员可以管理工作人员和邀请。';
export const AUDIT_ONLY_LINE = '只有街道管理员可以查看审计日志。';
