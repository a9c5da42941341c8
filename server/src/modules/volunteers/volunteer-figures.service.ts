import { Injectable } from '@nestjs/common';
import type { CommunityVolunteerFigures, VolunteerFigures, VolunteerFiguresQuery } from '../../../../contracts/volunteer-figures.contract';
import { loadCurrentUser } from '../../common/auth/current-user-row';
import type { AuthClaims } from '../../common/auth/token.service';
import { DatabaseService } from '../../database/database.service';
import { chinaDay, dayRange } from '../diary/china-day';
import { communitiesArea, figuresPeriod } from '../figures/figures-scope';
import { countVolunteers, rowsOf, type FigureRows } from './volunteer-figures.calc';
import { VolunteerFiguresRepository } from './volunteer-figures.repository';
import { volunteerAreaOf } from './volunteers.repository';

const NO_ROWS: FigureRows = { requests: [], statuses: [], ledger: [], active: [], activities: [] };

/**
 * 小红帽 figures of a community (its staff) or a street (its staff, with a row per community), scoped as the 议事亭
 * figures are (figures/figures-scope.ts). Definitions: contracts/volunteer-figures.contract.ts.
 */
@Injectable()
export class VolunteerFiguresService {
  constructor(private readonly db: DatabaseService, private readonly repo: VolunteerFiguresRepository) {}

  async figures(auth: AuthClaims, q: VolunteerFiguresQuery): Promise<VolunteerFigures> {
    const me = await loadCurrentUser(this.db.manager, auth.sub);
    const area = await communitiesArea(this.db.manager, volunteerAreaOf(me), q);
    const now = new Date();
    const period = figuresPeriod(q, chinaDay(now));
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
}
