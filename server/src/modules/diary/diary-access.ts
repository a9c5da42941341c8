import { StaffRoles, type Role } from '../../../../contracts/roles';

export interface DiaryReader {
  id: number;
  role: Role;
  streetId: number | null;
  communityId: number | null;
}

/** Whose diaries community staff read: the grid workers and community staff of their community. */
export const COMMUNITY_READS: readonly Role[] = ['grid_worker', 'community_staff'];

/**
 * Who may read whose diary: oneself; community staff the grid workers and community staff of their
 * community; a street admin every staff member of their street (departments included). Only staff
 * have diaries. The repository's staff list applies the same rule in SQL (DiaryRepository.readableBy).
 */
export function mayReadDiary(viewer: DiaryReader, target: DiaryReader): boolean {
  if (!StaffRoles.includes(target.role)) return false;
  if (viewer.id === target.id) return true;
  if (viewer.role === 'community_staff') {
    return viewer.communityId !== null && target.communityId === viewer.communityId && COMMUNITY_READS.includes(target.role);
  }
  if (viewer.role === 'street_admin') return viewer.streetId !== null && target.streetId === viewer.streetId;
  return false;
}
