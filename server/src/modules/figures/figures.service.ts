import { Injectable } from '@nestjs/common';
import type { ChildFigures, ConcernFigures, FigureLevel, FiguresQuery } from '../../../../contracts/figures.contract';
import { scopeOf, type Scope } from '../../common/access';
import type { AuthClaims } from '../../common/auth/token.service';
import { loadCurrentUser } from '../../common/auth/current-user-row';
import { DatabaseService } from '../../database/database.service';
import { chinaDay, dayRange } from '../diary/china-day';
import { countConcerns, plainLine, type ReceivedRow } from './figures.calc';
import { areaNotFound, figuresPeriod } from './figures-scope';
import { FiguresRepository, type AreaRow } from './figures.repository';

interface Area extends AreaRow {
  level: FigureLevel;
}

/** 统计 for a grid, community or street the caller oversees. Staff see only their own area and what lies inside it. */
@Injectable()
export class FiguresService {
  constructor(private readonly db: DatabaseService, private readonly figures: FiguresRepository) {}

  async concerns(auth: AuthClaims, q: FiguresQuery): Promise<ConcernFigures> {
    const user = await loadCurrentUser(this.db.manager, auth.sub);
    const area = await this.area(scopeOf(user), q);
    const now = new Date();
    const period = figuresPeriod(q, chinaDay(now));
    const { start, end } = dayRange(period.from, period.to);
    const [rows, overdue, escalations, children] = await Promise.all([
      this.figures.received(area.level, area.id, start, end),
      this.figures.overdue(area.level, area.id, now),
      this.figures.escalations(area.level, area.id, start, end),
      this.figures.children(area.level, area.id),
    ]);
    const counts = countConcerns(rows, overdue.reduce((sum, o) => sum + o.n, 0));
    const childLevel: FigureLevel = area.level === 'street' ? 'community' : 'grid';
    const childOf = (r: { gridId: number; communityId: number }) => Number(childLevel === 'grid' ? r.gridId : r.communityId);
    const perChild: ChildFigures[] = children.map((child) => ({
      level: childLevel,
      id: child.id,
      name: child.name,
      ...countConcerns(
        rows.filter((r: ReceivedRow) => childOf(r) === child.id),
        overdue.filter((o) => childOf(o) === child.id).reduce((sum, o) => sum + o.n, 0),
      ),
    }));
    const escalated = (level: string) => escalations.filter((e) => e.toLevel === level).reduce((sum, e) => sum + e.n, 0);
    return {
      area: { level: area.level, id: area.id, name: area.name },
      period,
      ...counts,
      escalations: { community: escalated('community'), street: escalated('street'), department: escalated('department') },
      plain: plainLine(counts),
      perChild,
    };
  }

  /** The asked area (default: the caller's own), if it lies inside the caller's scope; otherwise 404. */
  private async area(scope: Scope, q: FiguresQuery): Promise<Area> {
    const own = ownArea(scope);
    const level = q.level ?? own?.level;
    const id = q.id ?? own?.id;
    if (!level || !id) throw areaNotFound();
    const row = await this.figures.area(level, id);
    if (!row || !contains(scope, { level, ...row })) throw areaNotFound();
    return { level, ...row };
  }
}

function ownArea(scope: Scope): { level: FigureLevel; id: number } | null {
  if (scope.level === 'grid') return { level: 'grid', id: scope.gridId };
  if (scope.level === 'community') return { level: 'community', id: scope.communityId };
  if (scope.level === 'street') return { level: 'street', id: scope.streetId };
  return null;
}

/** A street sees its communities and grids; a community its grids; a grid worker only their grid. */
function contains(scope: Scope, area: Area): boolean {
  if (scope.level === 'street') return area.streetId === scope.streetId;
  if (scope.level === 'community') return area.level !== 'street' && area.communityId === scope.communityId;
  if (scope.level === 'grid') return area.level === 'grid' && area.id === scope.gridId;
  return false;
}
