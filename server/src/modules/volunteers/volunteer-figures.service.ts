import { Injectable } from '@nestjs/common';
import { ErrorCode } from '../../../../contracts/errors';
import { FIGURES_DEFAULT_DAYS, FIGURES_MAX_DAYS } from '../../../../contracts/figures.contract';
import type { CommunityVolunteerFigures, VolunteerFigures, VolunteerFiguresQuery } from '../../../../contracts/volunteer-figures.contract';
import { loadCurrentUser } from '../../common/auth/current-user-row';
import type { AuthClaims } from '../../common/auth/token.service';
import { DomainException } from '../../common/domain-exception';
import { DatabaseService } from '../../database/database.service';
import { chinaDay, dayRange, daysIncluded, shiftDay } from '../diary/china-day';
import type { UserEntity } from '../users/user.entity';
import { countVolunteers, rowsOf, type FigureRows } from './volunteer-figures.calc';
import { VolunteerFiguresRepository } from './volunteer-figures.repository';

const areaNotFound = () => new DomainException(ErrorCode.AREA_NOT_FOUND, 404, '没有找到这个辖区');
const badPeriod = (message: string) => new DomainException(ErrorCode.VALIDATION_FAILED, 400, `查询参数有误：${message}`, [{ path: 'from', message }]);

interface Area {
  level: 'community' | 'street';
  id: number;
  name: string;
  streetId: number;
  communities: { id: number; name: string }[];
}

const NO_ROWS: FigureRows = { requests: [], statuses: [], ledger: [], active: [], activities: [] };

/**
 * 小红帽 figures of a community (its staff) or a street (its staff, with a row per community), as the 议事亭 figures
 * are scoped (deliberation-figures.service.ts). Definitions: contracts/volunteer-figures.contract.ts.
 */
@Injectable()
export class VolunteerFiguresService {
  constructor(private readonly db: DatabaseService, private readonly repo: VolunteerFiguresRepository) {}

  async figures(auth: AuthClaims, q: VolunteerFiguresQuery): Promise<VolunteerFigures> {
    const area = await this.area(await loadCurrentUser(this.db.manager, auth.sub), q);
    const now = new Date();
    const period = this.period(q, chinaDay(now));
    const { start, end } = dayRange(period.from, period.to);
    const ids = area.communities.map((c) => c.id);
    const heldUntil = end < now ? end : now;
    const [requests, statuses, ledger, active, activities, teams] = ids.length
      ? await Promise.all([
          this.repo.requests(ids, start, end),
          this.repo.statuses(ids),
          this.repo.ledger(ids, period.from, period.to),
          this.repo.active(ids, period.from, period.to),
          heldUntil > start ? this.repo.activities(ids, start, heldUntil) : Promise.resolve([]),
          this.repo.teams(ids, area.streetId),
        ])
      : [[], [], [], [], [], { all: [], of: new Map<number, number[]>() }];
    const rows: FigureRows = ids.length ? { requests, statuses, ledger, active, activities } : NO_ROWS;
    // Teams of a community are always listed; street-level ones only with minutes.
    const listed = (communityId: number | null) => teams.all.filter((t) => t.communityId !== null && (communityId === null || t.communityId === communityId));
    const perCommunity: CommunityVolunteerFigures[] = area.communities.map((c) => ({
      communityId: c.id, name: c.name, ...countVolunteers(rowsOf(rows, c.id), teams, listed(c.id)),
    }));
    const total = countVolunteers(rows, teams, listed(null));
    return { area: { level: area.level, id: area.id, name: area.name }, period, ...total, perCommunity };
  }

  /** The asked area (default: the caller's own) if it lies inside the caller's scope; otherwise 404. */
  private async area(user: UserEntity, q: VolunteerFiguresQuery): Promise<Area> {
    if (user.role === 'community_staff') {
      if (user.communityId === null) throw areaNotFound();
      if (q.level && (q.level !== 'community' || q.id !== Number(user.communityId))) throw areaNotFound();
      return this.community(Number(user.communityId), null);
    }
    if (user.role !== 'street_admin' || user.streetId === null) throw areaNotFound();
    const streetId = Number(user.streetId);
    if (q.level === 'community') return this.community(q.id!, streetId);
    if (q.level === 'street' && q.id !== streetId) throw areaNotFound();
    const name = await this.repo.streetName(streetId);
    if (name === null) throw areaNotFound();
    return { level: 'street', id: streetId, name, streetId, communities: await this.repo.communities({ streetId }) };
  }

  /** One community; with `streetId`, only if it lies in that street. */
  private async community(id: number, streetId: number | null): Promise<Area> {
    const [c] = await this.repo.communities({ communityId: id });
    if (!c || (streetId !== null && c.streetId !== streetId)) throw areaNotFound();
    return { level: 'community', id: c.id, name: c.name, streetId: c.streetId, communities: [c] };
  }

  /** Both days included, China time; default the last FIGURES_DEFAULT_DAYS days up to today. */
  private period(q: VolunteerFiguresQuery, today: string): { from: string; to: string } {
    const to = q.to ?? (q.from && q.from > today ? q.from : today);
    const from = q.from ?? shiftDay(to, -(FIGURES_DEFAULT_DAYS - 1));
    if (from > to) throw badPeriod('开始日期不能晚于结束日期');
    if (daysIncluded(from, to) > FIGURES_MAX_DAYS) throw badPeriod(`一次最多统计 ${FIGURES_MAX_DAYS} 天`);
    return { from, to };
  }
}
