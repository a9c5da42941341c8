import { Injectable } from '@nestjs/common';
import type { CommunityDeliberationFigures, DeliberationFigures, DeliberationFiguresQuery } from '../../../../contracts/deliberation-outcomes.contract';
import { ErrorCode } from '../../../../contracts/errors';
import { FIGURES_DEFAULT_DAYS, FIGURES_MAX_DAYS } from '../../../../contracts/figures.contract';
import type { AuthClaims } from '../../common/auth/token.service';
import { DomainException } from '../../common/domain-exception';
import { chinaDay, dayRange, daysIncluded, shiftDay } from '../diary/china-day';
import { OutcomesAccess, type Viewer } from './deliberation-outcomes.access';
import { countDeliberation, plainDeliberation, sumCounts } from './deliberation-figures.calc';
import { DeliberationFiguresRepository } from './deliberation-figures.repository';

const areaNotFound = () => new DomainException(ErrorCode.AREA_NOT_FOUND, 404, '没有找到这个辖区');
const badPeriod = (message: string) => new DomainException(ErrorCode.VALIDATION_FAILED, 400, `查询参数有误：${message}`, [{ path: 'from', message }]);

interface Area {
  level: 'community' | 'street';
  id: number;
  name: string;
  communities: { id: number; name: string }[];
}

/** 议事 figures of a community (its staff) or a street (its staff, with a row per community). */
@Injectable()
export class DeliberationFiguresService {
  constructor(private readonly access: OutcomesAccess, private readonly repo: DeliberationFiguresRepository) {}

  async figures(auth: AuthClaims, q: DeliberationFiguresQuery): Promise<DeliberationFigures> {
    const v = await this.access.viewer(auth);
    const area = await this.area(v, q);
    const now = new Date();
    const today = chinaDay(now);
    const period = this.period(q, today);
    const { start, end } = dayRange(period.from, period.to);
    const ids = area.communities.map((c) => c.id);
    const heldUntil = end < now ? end : now;
    const [topics, sessions, resolutions] = ids.length
      ? await Promise.all([
          this.repo.topics(ids, start, end),
          heldUntil > start ? this.repo.heldSessions(ids, start, heldUntil) : Promise.resolve([]),
          this.repo.resolutions(ids, period.from, period.to),
        ])
      : [[], [], []];
    const of = <T extends { communityId: number }>(rows: T[], id: number) => rows.filter((r) => Number(r.communityId) === id);
    const perCommunity: CommunityDeliberationFigures[] = area.communities.map((c) => {
      const counts = countDeliberation(of(topics, c.id), of(sessions, c.id), of(resolutions, c.id), period, today);
      return { communityId: c.id, name: c.name, ...counts, plain: plainDeliberation(counts) };
    });
    const total = sumCounts(perCommunity);
    return { area: { level: area.level, id: area.id, name: area.name }, period, ...total, plain: plainDeliberation(total), perCommunity };
  }

  /** The asked area (default: the caller's own) if it lies inside the caller's scope; otherwise 404. */
  private async area(v: Viewer, q: DeliberationFiguresQuery): Promise<Area> {
    if (v.kind === 'member') {
      if (v.user.role !== 'community_staff') throw areaNotFound();
      if (q.level && (q.level !== 'community' || q.id !== v.communityId)) throw areaNotFound();
      const [c] = await this.repo.communities({ communityId: v.communityId });
      if (!c) throw areaNotFound();
      return { level: 'community', id: c.id, name: c.name, communities: [c] };
    }
    if (q.level === 'community') {
      const [c] = await this.repo.communities({ communityId: q.id! });
      if (!c || c.streetId !== v.streetId) throw areaNotFound();
      return { level: 'community', id: c.id, name: c.name, communities: [c] };
    }
    if (q.level === 'street' && q.id !== v.streetId) throw areaNotFound();
    const name = await this.repo.streetName(v.streetId);
    if (name === null) throw areaNotFound();
    return { level: 'street', id: v.streetId, name, communities: await this.repo.communities({ streetId: v.streetId }) };
  }

  /** Both days included, China time; default the last FIGURES_DEFAULT_DAYS days up to today. */
  private period(q: DeliberationFiguresQuery, today: string): { from: string; to: string } {
    const to = q.to ?? (q.from && q.from > today ? q.from : today);
    const from = q.from ?? shiftDay(to, -(FIGURES_DEFAULT_DAYS - 1));
    if (from > to) throw badPeriod('开始日期不能晚于结束日期');
    if (daysIncluded(from, to) > FIGURES_MAX_DAYS) throw badPeriod(`一次最多统计 ${FIGURES_MAX_DAYS} 天`);
    return { from, to };
  }
}
