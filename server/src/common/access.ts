import type { UserEntity } from '../modules/users/user.entity';

/** What part of the organisation a staff member may see. Residents see only their own things. */
export type Scope =
  | { level: 'street'; streetId: number }
  | { level: 'community'; communityId: number }
  | { level: 'grid'; gridId: number }
  | { level: 'department'; departmentId: number }
  | { level: 'self'; userId: number };

export function scopeOf(user: Pick<UserEntity, 'id' | 'role' | 'streetId' | 'communityId' | 'gridId' | 'departmentId'>): Scope {
  switch (user.role) {
    case 'street_admin':
      return user.streetId ? { level: 'street', streetId: user.streetId } : { level: 'self', userId: user.id };
    case 'community_staff':
      return user.communityId ? { level: 'community', communityId: user.communityId } : { level: 'self', userId: user.id };
    case 'grid_worker':
      return user.gridId ? { level: 'grid', gridId: user.gridId } : { level: 'self', userId: user.id };
    case 'department':
      return user.departmentId ? { level: 'department', departmentId: user.departmentId } : { level: 'self', userId: user.id };
    default:
      return { level: 'self', userId: user.id };
  }
}

/** Whether an object located in (street, community, grid) is inside the scope. */
export function inScope(scope: Scope, where: { streetId: number; communityId: number; gridId: number }): boolean {
  switch (scope.level) {
    case 'street':
      return scope.streetId === where.streetId;
    case 'community':
      return scope.communityId === where.communityId;
    case 'grid':
      return scope.gridId === where.gridId;
    default:
      return false;
  }
}

