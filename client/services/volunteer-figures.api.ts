import type { VolunteerFigures, VolunteerFiguresQuery } from '@contracts/volunteer-figures.contract';
import { request } from './request';

/**
 * 小红帽 figures (help requests, volunteers, hours): community_staff get their community; street_admin their street
 * with a row per community, or one community of it with `level: 'community', id`. `level` and `id` go together;
 * `from`/`to` are China-time days, both included (default: the last 30 days). Definitions: the contract.
 */
export function getVolunteerFigures(q: VolunteerFiguresQuery = {}): Promise<VolunteerFigures> {
  return request<VolunteerFigures>('/api/volunteers/figures', { query: { level: q.level, id: q.id, from: q.from, to: q.to } });
}
