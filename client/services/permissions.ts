import type { Role } from '@contracts/roles';

// Which screens and buttons each role gets. Mirrors the server's route declarations
// (POST /api/concerns: resident; inbox: grid_worker, community_staff, street_admin;
// accept and confirm: grid_worker, community_staff) so nobody sees a button that can only fail.
const WORKBENCH_ROLES: readonly Role[] = ['grid_worker', 'community_staff', 'street_admin'];
const HANDLER_ROLES: readonly Role[] = ['grid_worker', 'community_staff'];

export function canSubmitConcern(role: Role | undefined): boolean {
  return role === 'resident';
}

export function canUseWorkbench(role: Role | undefined): boolean {
  return !!role && WORKBENCH_ROLES.includes(role);
}

/** Accept concerns and confirm residents. */
export function canHandleConcerns(role: Role | undefined): boolean {
  return !!role && HANDLER_ROLES.includes(role);
}
