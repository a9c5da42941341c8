import { Injectable } from '@nestjs/common';
import type { CommunityDeliberationFigures, DeliberationFigures, DeliberationFiguresQuery } from '../../../../contracts/deliberation-outcomes.contract';
import type { AuthClaims } from '../../common/auth/token.service';
import { DatabaseService } from '../../database/database.service';
import { chinaDay, dayRange } from '../diary/china-day';
import { communitiesArea, figuresPeriod, type FiguresViewer } from '../figures/figures-scope';
import { OutcomesAccess, type Viewer } from './deliberation-outcomes.access';
import { countDeliberation, plainDeliberation, sumCounts } from './deliberation-figures.calc';
import { DeliberationFiguresRepository } from './deliberation-figures.repository';

/** Community staff see their community's figures, a street admin the street's; other members none. */
const figuresViewer = (v: Viewer): FiguresViewer | null =>
  v.kind === 'street' ? { streetId: v.streetId } : v.user.role === 'community_staff' ? { communityId: v.communityId } : null;

/** 议事 figures of a community (its staff) or a street (its staff, with a row per community). */
@Injectable()
export class DeliberationFiguresService {
  constructor(private readonly db: DatabaseService, private readonly access: OutcomesAccess, private readonly repo: DeliberationFiguresRepository) {}

  async figures(auth: AuthClaims, q: DeliberationFiguresQuery): Promise<DeliberationFigures> {
    const area = await communitiesArea(this.db.manager, figuresViewer(await this.access.viewer(auth)), q);
    const now = new Date();
    const today = chinaDay(now);
    const period = figuresPeriod(q, today);
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
}
