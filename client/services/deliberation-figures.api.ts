import type { DeliberationFigures, DeliberationFiguresQuery } from '@contracts/deliberation-outcomes.contract';
import { request } from './request';

/**
 * 议事亭 figures: community_staff get their community; street_admin their street with a row per
 * community, or one community of it with `level: 'community', id`. `level` and `id` go together;
 * `from`/`to` are China-time days, both included (default: the last 30 days).
 */
export function getDeliberationFigures(q: DeliberationFiguresQuery = {}): Promise<DeliberationFigures> {
  return request<DeliberationFigures>('/api/deliberation/figures', { query: { level: q.level, id: q.id, from: q.from, to: q.to } });
}
