import { Injectable } from '@nestjs/common';
import { BOARD_DONE_DAYS, type ResolutionBoardPage, type ResolutionBoardQueryParsed, type ResolutionStatus } from '../../../../contracts/deliberation-outcomes.contract';
import { ErrorCode } from '../../../../contracts/errors';
import type { AuthClaims } from '../../common/auth/token.service';
import { DomainException } from '../../common/domain-exception';
import { toIso } from '../../common/time';
import { chinaDay } from '../diary/china-day';
import { OutcomesAccess, type Viewer } from './deliberation-outcomes.access';
import type { DeliberationResolutionEntity } from './deliberation-outcomes.entities';
import { ResolutionsBoardRepository, type BoardArea, type BoardKey } from './deliberation-resolutions-board.repository';
import { DeliberationResolutionsService } from './deliberation-resolutions.service';

const OPEN: ResolutionStatus[] = ['planned', 'in_progress', 'escalated'];
const DAY = 24 * 3600_000;
const badCursor = () => new DomainException(ErrorCode.VALIDATION_FAILED, 400, '翻页参数不正确', [{ path: 'cursor', message: 'invalid cursor' }]);

/** Cursor: the last item's key, or the start of a run ({ g }). */
type Cursor = BoardKey | { g: 0 | 1 };

function encode(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decode(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  let c: unknown;
  try {
    c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  const o = c as Record<string, unknown>;
  const okId = o.id === undefined || (Number.isInteger(o.id) && (o.id as number) > 0);
  if (o.g === 0 && okId && (o.id === undefined || (typeof o.due === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(o.due)))) return o as Cursor;
  if (o.g === 1 && okId && (o.id === undefined || (typeof o.at === 'string' && !Number.isNaN(Date.parse(o.at))))) return o as Cursor;
  throw badCursor();
}

const keyOf = (r: DeliberationResolutionEntity): BoardKey =>
  r.status === 'done' ? { g: 1, at: toIso(r.doneAt)!, id: r.id } : { g: 0, due: r.dueDate, id: r.id };

/**
 * 决议公示栏: every resolution not done (earliest due first, so overdue ones lead), then the done ones of
 * the last BOARD_DONE_DAYS days (most recent first). Keyset paging across the two runs.
 */
@Injectable()
export class DeliberationResolutionsBoardService {
  constructor(private readonly access: OutcomesAccess, private readonly board: ResolutionsBoardRepository, private readonly resolutions: DeliberationResolutionsService) {}

  async list(auth: AuthClaims, q: ResolutionBoardQueryParsed): Promise<ResolutionBoardPage> {
    const v = await this.access.viewer(auth);
    const area = await this.area(v, q.communityId);
    const now = new Date();
    const today = chinaDay(now);
    const runs: (0 | 1)[] = q.status === 'done' ? (q.overdue ? [] : [1]) : q.status || q.overdue ? [0] : [0, 1];
    const statuses = q.status && q.status !== 'done' ? [q.status] : OPEN;
    const doneSince = q.status === 'done' ? null : new Date(now.getTime() - BOARD_DONE_DAYS * DAY);
    const fetch = (g: 0 | 1, after: BoardKey | null, n: number) =>
      g === 0 ? this.board.openRun(area, { statuses, dueBefore: q.overdue ? today : undefined }, after, n) : this.board.doneRun(area, doneSince, after, n);

    const cursor = decode(q.cursor);
    const page: DeliberationResolutionEntity[] = [];
    let next: Cursor | null = null;
    const start = cursor ? runs.indexOf(cursor.g) : 0;
    if (start < 0) throw badCursor();
    for (let i = start; i < runs.length && !next; i++) {
      const g = runs[i];
      const after = cursor && cursor.g === g && 'id' in cursor ? (cursor as BoardKey) : null;
      const need = q.limit - page.length;
      const rows = await fetch(g, i === start ? after : null, need + 1);
      page.push(...rows.slice(0, need));
      if (rows.length > need) next = keyOf(page[page.length - 1]);
      else if (page.length === q.limit && i + 1 < runs.length && (await fetch(runs[i + 1], null, 1)).length) next = { g: runs[i + 1] };
      if (page.length === q.limit) break;
    }
    return { items: await this.resolutions.items(v, page), nextCursor: next ? encode(next) : null };
  }

  /** Members: their community; the street: all its communities, or one of them. Anything else: 404. */
  private async area(v: Viewer, communityId: number | undefined): Promise<BoardArea> {
    const notFound = () => new DomainException(ErrorCode.AREA_NOT_FOUND, 404, '没有找到这个社区');
    if (v.kind === 'member') {
      if (communityId !== undefined && communityId !== v.communityId) throw notFound();
      return { communityId: v.communityId };
    }
    if (communityId === undefined) return { streetId: v.streetId };
    const c = await this.access.community(communityId);
    if (!c || Number(c.streetId) !== v.streetId) throw notFound();
    return { communityId };
  }
}
