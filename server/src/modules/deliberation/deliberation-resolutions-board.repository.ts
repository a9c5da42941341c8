import { Injectable } from '@nestjs/common';
import type { ResolutionStatus } from '../../../../contracts/deliberation-outcomes.contract';
import { DatabaseService } from '../../database/database.service';
import { DeliberationResolutionEntity } from './deliberation-outcomes.entities';

/** Where the board looks: one community, or every community of a street. */
export type BoardArea = { communityId: number } | { streetId: number };

/** A position in one of the board's two runs: 0 = not done (due date, id ascending), 1 = done (done_at, id descending). */
export type BoardKey = { g: 0; due: string; id: number } | { g: 1; at: string; id: number };

export interface OpenRunFilter {
  /** One not-done status, or all three. */
  statuses: ResolutionStatus[];
  /** Only due days before this one (overdue). */
  dueBefore?: string;
}

/** The two keyset runs of the resolutions board (indexes IDX_deliberation_resolutions_board / _street). */
@Injectable()
export class ResolutionsBoardRepository {
  constructor(private readonly db: DatabaseService) {}

  openRun(area: BoardArea, f: OpenRunFilter, after: BoardKey | null, limit: number): Promise<DeliberationResolutionEntity[]> {
    const qb = this.base(area).andWhere('r.status IN (:...statuses)', { statuses: f.statuses });
    if (f.dueBefore) qb.andWhere('r.due_date < :dueBefore', { dueBefore: f.dueBefore });
    if (after?.g === 0) qb.andWhere('(r.due_date > :due OR (r.due_date = :due AND r.id > :id))', { due: after.due, id: after.id });
    return qb.orderBy('r.due_date', 'ASC').addOrderBy('r.id', 'ASC').limit(limit).getMany();
  }

  doneRun(area: BoardArea, doneSince: Date | null, after: BoardKey | null, limit: number): Promise<DeliberationResolutionEntity[]> {
    const qb = this.base(area).andWhere("r.status = 'done'");
    if (doneSince) qb.andWhere('r.done_at >= :since', { since: this.db.dateParam(doneSince) });
    if (after?.g === 1) {
      const at = this.db.dateParam(new Date(after.at));
      qb.andWhere('(r.done_at < :at OR (r.done_at = :at AND r.id < :id))', { at, id: after.id });
    }
    return qb.orderBy('r.done_at', 'DESC').addOrderBy('r.id', 'DESC').limit(limit).getMany();
  }

  private base(area: BoardArea) {
    const qb = this.db.manager.createQueryBuilder(DeliberationResolutionEntity, 'r');
    return 'communityId' in area ? qb.where('r.community_id = :c', { c: area.communityId }) : qb.where('r.street_id = :s', { s: area.streetId });
  }
}
