import type { AvailabilitySlot, VolunteerSkill } from '../../../contracts/volunteers.constants';
import { TokenService } from '../../../server/src/common/auth/token.service';
import { UserEntity } from '../../../server/src/modules/users/user.entity';
import { buildUser, type TestArea } from '../../factories/org.factory';
import { approveVolunteers } from './timebank-fixtures';
import type { TestApp } from './test-app';

export const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

/** A help request body: teach video calls, from `fromH` to `toH` hours from now. */
export const wish = (fromH = 2, toH = 4, extra: Record<string, unknown> = {}) => ({
  skill: 'digital_help', description: '想学用手机和孩子视频通话', windowFrom: inHours(fromH), windowTo: inHours(toH), ...extra,
});

/**
 * `n` approved volunteers of community A (residents of unit A1) with tokens minted directly: approval and
 * logging in are tested elsewhere; here they stand for a crowd.
 */
export async function approvedVolunteers(
  t: TestApp, area: TestArea, n: number,
  opts: { skills?: VolunteerSkill[]; availability?: AvailabilitySlot[] } = {},
): Promise<{ id: number; token: string }[]> {
  const values = Array.from({ length: n }, () => buildUser({
    role: 'resident', streetId: area.streetId, communityId: area.communityA, gridId: area.gridA1, unitId: area.unitA1b, unitConfirmed: true, unitChosenAt: new Date(),
  }));
  const ids: number[] = [];
  for (const v of values) ids.push(Number((await t.ds.manager.insert(UserEntity, v)).identifiers[0].id));
  await approveVolunteers(t.ds, ids.map((id) => ({ id })), area.communityA, area.streetId, opts);
  const tokens = t.app.get(TokenService);
  return ids.map((id) => ({ id, token: tokens.issue(id, 'resident').token }));
}
