export const Roles = ['resident', 'grid_worker', 'community_staff', 'street_admin', 'department'] as const;
export type Role = (typeof Roles)[number];

export const RoleLabels: Record<Role, string> = {
  resident: '居民',
  grid_worker: '网格员',
  community_staff: '社区工作人员',
  street_admin: '街道管理员',
  department: '职能部门',
};

export const StaffRoles: readonly Role[] = ['grid_worker', 'community_staff', 'street_admin', 'department'];
