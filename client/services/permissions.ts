import type { Role } from '@contracts/roles';

// Which screens and buttons each role gets. Mirrors the server's route declarations so nobody
// sees a button that can only fail:
//   POST /api/concerns, similar, rate, not-solved, withdraw, me-too: resident
//   GET /api/concerns/inbox and the staff steps (accept … close): grid_worker, community_staff, street_admin, department
//   POST /api/concerns/proxy (代办): grid_worker
//   PUT /api/concerns/categories/:code: community_staff
//   GET /api/org/residents/unconfirmed: grid_worker, community_staff, street_admin; confirm: grid_worker, community_staff
// Whether a step is possible on one concern right now is the server's answer (detail.actions).
const STAFF_ROLES: readonly Role[] = ['grid_worker', 'community_staff', 'street_admin', 'department'];
const RESIDENT_LIST_ROLES: readonly Role[] = ['grid_worker', 'community_staff', 'street_admin'];
const CONFIRM_ROLES: readonly Role[] = ['grid_worker', 'community_staff'];

const has = (list: readonly Role[], role: Role | undefined) => !!role && list.includes(role);

export function canSubmitConcern(role: Role | undefined): boolean {
  return role === 'resident';
}

/** The staff workbench (inbox): every staff role, departments included. */
export function canUseWorkbench(role: Role | undefined): boolean {
  return has(STAFF_ROLES, role);
}

/** Staff steps on a concern their level holds, e.g. the quick "受理" in the inbox. */
export function canActOnConcerns(role: Role | undefined): boolean {
  return has(STAFF_ROLES, role);
}

/** The list of residents whose unit awaits confirmation. */
export function canSeeUnconfirmedResidents(role: Role | undefined): boolean {
  return has(RESIDENT_LIST_ROLES, role);
}

/** Confirm that a resident lives in the unit they chose. */
export function canConfirmResidents(role: Role | undefined): boolean {
  return has(CONFIRM_ROLES, role);
}

/** 代办: submit a concern on behalf of a resident of one's grid. */
export function canSubmitForResident(role: Role | undefined): boolean {
  return role === 'grid_worker';
}

/** Configure the concern categories of one's community. */
export function canConfigureCategories(role: Role | undefined): boolean {
  return role === 'community_staff';
}

/** 一日一记: every staff member keeps a work diary. */
export function canKeepDiary(role: Role | undefined): boolean {
  return role === 'grid_worker' || role === 'community_staff' || role === 'street_admin' || role === 'department';
}

/** Figures for one's grid, community or street (departments have no area). */
export function canSeeFigures(role: Role | undefined): boolean {
  return role === 'grid_worker' || role === 'community_staff' || role === 'street_admin';
}

/** Open311 API keys are issued by the street. */
export function canManageApiKeys(role: Role | undefined): boolean {
  return role === 'street_admin';
}

// 小红帽 (volunteers, help requests, time bank). Server routes:
//   POST /api/help-requests, /api/volunteers/apply, hall and tasks, GET /api/timebank/me, rewards/:id/redeem,
//     activities/:id/sign-up|withdraw: resident (the server says whether they are an approved volunteer)
//   POST /api/help-requests/proxy (代人求助): grid_worker
//   GET /api/help-requests/board, suggestions, dispatch, confirm-on-behalf: grid_worker, community_staff, street_admin
//   GET /api/volunteers, approve, decline, suspend, reinstate, history: community_staff, street_admin
//   GET /api/volunteers/teams/:id/members, PUT …/leader: community_staff (own community's teams), street_admin (the street's)
//   POST /api/timebank/activities and …/attendees: also a resident who is an approved team leader (队长; the server checks)
//   activities (create, attendees, check-in/out, credit), rewards (manage), settings: community_staff
//   GET /api/timebank/export: community_staff (own community), street_admin (the street)
//   GET /api/volunteers/figures (统计): community_staff (own community), street_admin (the street)

/** Ask for help for oneself, apply to volunteer, take tasks, my hours, rewards and activity sign-up. */
export function canUseVolunteerServices(role: Role | undefined): boolean {
  return role === 'resident';
}

/** 代人求助: a grid worker posts a help request for a resident of their grid. */
export function canAskForResident(role: Role | undefined): boolean {
  return role === 'grid_worker';
}

/** The dispatch board (派单) and confirming for a requester without a phone. */
export function canDispatch(role: Role | undefined): boolean {
  return has(RESIDENT_LIST_ROLES, role);
}

export function canReviewVolunteers(role: Role | undefined): boolean {
  return role === 'community_staff' || role === 'street_admin';
}

/** The teams screen: appoint or clear a team's 队长 (which teams: StaffTeamItem.canAppoint). */
export function canAppointTeamLeaders(role: Role | undefined): boolean {
  return role === 'community_staff' || role === 'street_admin';
}

export function canRunActivities(role: Role | undefined): boolean {
  return role === 'community_staff';
}

export function canManageRewards(role: Role | undefined): boolean {
  return role === 'community_staff';
}

export function canExportRecords(role: Role | undefined): boolean {
  return role === 'community_staff' || role === 'street_admin';
}

/** The 小红帽 section of the 统计 page (counted per community: grid workers have none). */
export function canSeeVolunteerFigures(role: Role | undefined): boolean {
  return role === 'community_staff' || role === 'street_admin';
}

/** The staff rewards page: the rewards and daily cap (community staff), the export of service records (both). */
export function canOpenStaffRewards(role: Role | undefined): boolean {
  return canManageRewards(role) || canExportRecords(role);
}

// Issue 10 — a street runs itself. Server routes:
//   /api/setup/*: street_admin (the street), community_staff (their community's grids, buildings, units, teams)
//   /api/staff/* (invite, change, revoke): street_admin, community_staff; /api/staff/invitations/redeem: anyone logged in
//   GET /api/audit: street_admin
//   /api/registers/* reads: grid_worker, community_staff, street_admin; import, export, leaders: community_staff, street_admin
const AREA_ADMIN_ROLES: readonly Role[] = ['community_staff', 'street_admin'];

/** 组织架构: the street admin keeps the whole street, community staff their community's grids and below. */
export function canSetUpOrganisation(role: Role | undefined): boolean {
  return has(AREA_ADMIN_ROLES, role);
}

/** 人员与邀请: street admins (their street) and community staff (their community's grid workers and colleagues). */
export function canManageStaff(role: Role | undefined): boolean {
  return has(AREA_ADMIN_ROLES, role);
}

/** 审计日志: the street admin reads the street's log. */
export function canReadAuditLog(role: Role | undefined): boolean {
  return role === 'street_admin';
}

/** 居民台账: grid workers read their grid's households and leaders; community staff and street admins also import, export and assign. */
export function canReadRegisters(role: Role | undefined): boolean {
  return has(RESIDENT_LIST_ROLES, role);
}

export function canManageRegisters(role: Role | undefined): boolean {
  return has(AREA_ADMIN_ROLES, role);
}

/** Why a resident cannot support, propose or vote yet: their chosen unit waits for the grid worker (住址待网格员确认). */
const UNIT_PENDING_TEXT = '住址待网格员确认：确认后才能支持议题、提议题和投票。可以先反映问题。';

/** A resident whose unit nobody confirmed yet (the server refuses their support, topics and ballots with UNIT_NOT_CONFIRMED). */
export function unitAwaitsConfirmation(me: { role: Role; unit: { confirmed: boolean } | null } | null | undefined): boolean {
  return me?.role === 'resident' && me.unit !== null && !me.unit.confirmed;
}

/** The plain line shown instead of 支持 / 提议题 / 投票 while the resident's unit awaits confirmation, else null. */
export function unitPendingText(me: Parameters<typeof unitAwaitsConfirmation>[0]): string | null {
  return unitAwaitsConfirmation(me) ? UNIT_PENDING_TEXT : null;
}
