import type { ConcernFigures, FigureLevel } from '@contracts/figures.contract';
import { request } from './request';

export interface FiguresQuery {
  /** With `id`: a grid, community or street inside my area; without: my own area. */
  level?: FigureLevel;
  id?: number;
  /** 'YYYY-MM-DD', China time, both days included; default the last 30 days. */
  from?: string;
  to?: string;
}

export function getConcernFigures(q: FiguresQuery = {}): Promise<ConcernFigures> {
  return request<ConcernFigures>('/api/figures/concerns', { query: { level: q.level, id: q.id, from: q.from, to: q.to } });
}
