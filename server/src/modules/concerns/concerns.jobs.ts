import { Injectable, OnModuleInit } from '@nestjs/common';
import { ACCEPT_WITHIN_HOURS } from '../../../../contracts/concerns.constants';
import { DatabaseService } from '../../database/database.service';
import { SchedulerService } from '../scheduler/scheduler.service';
import { ConcernAccess } from './concern-access';
import { ConcernActionsService } from './concern-actions.service';
import { levelAbove } from './concern-lifecycle';
import { ConcernsRepository } from './concerns.repository';

/** System events carry actor 0 ("系统" in the timeline). */
const SYSTEM = { id: 0, role: 'system', name: '系统' };
const HOUR = 3600_000;

/**
 * Deadlines: an open concern past its stage deadline is escalated one level and its holder and first owner
 * are notified; a resolved concern nobody rated closes after 7 days. Each runs once per slot across
 * processes (job_runs), and each concern moves once (conditional update on its version).
 */
@Injectable()
export class ConcernsJobs implements OnModuleInit {
  constructor(
    private readonly scheduler: SchedulerService,
    private readonly db: DatabaseService,
    private readonly concerns: ConcernsRepository,
    private readonly actions: ConcernActionsService,
    private readonly access: ConcernAccess,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: 'concerns.overdue', everyMs: 5 * 60_000, run: (now) => this.escalateOverdue(now) });
    this.scheduler.register({ name: 'concerns.auto-close', everyMs: HOUR, run: (now) => this.autoClose(now) });
  }

  async escalateOverdue(now: Date): Promise<string> {
    const due: { id: number }[] = await this.db.manager.query(
      `SELECT id FROM concerns WHERE is_open = ? AND stage_deadline_at < ? ORDER BY stage_deadline_at LIMIT 500`,
      [true, this.db.dateParam(now)],
    );
    let moved = 0;
    let reminded = 0;
    for (const { id } of due) {
      const row = await this.concerns.findRow(Number(id));
      if (!row) continue;
      let up = levelAbove(row.holderLevel);
      if (up === 'department' && row.departmentId === null) up = null; // the street chooses the department itself
      const nextDeadline = new Date(now.getTime() + ACCEPT_WITHIN_HOURS * HOUR);
      const patch = up
        ? { status: 'escalated' as const, holderLevel: up, holderId: null, stageStartedAt: now, stageDeadlineAt: nextDeadline, isOpen: true }
        : { stageDeadlineAt: nextDeadline };
      await this.db.transaction(async (m) => {
        if (!(await this.actions.update(m, Number(row.id), Number(row.version), patch, now))) return;
        await this.concerns.insertEvent(m, {
          concernId: Number(row.id), actorId: SYSTEM.id, actorRole: SYSTEM.role, type: up ? 'auto_escalated' : 'overdue',
          fromStatus: row.status, toStatus: up ? 'escalated' : row.status, toLevel: up ?? row.holderLevel, note: '超过办理时限', createdAt: now,
        });
        // Its holder (or, in a level's queue, that level's people) and its first owner hear of it.
        const holders = row.holderId !== null ? [row.holderId] : await this.access.levelRecipients(m, row, row.holderLevel);
        await this.actions.notify(m, row, up ? 'auto_escalated' : 'overdue', up ?? row.holderLevel, patch, SYSTEM.name, null, [...holders, row.firstOwnerId]);
        if (up) moved++;
        else reminded++;
      });
    }
    return `escalated ${moved}, reminded ${reminded}`;
  }

  async autoClose(now: Date): Promise<string> {
    const due: { id: number }[] = await this.db.manager.query(
      `SELECT id FROM concerns WHERE is_open = ? AND status = 'resolved' AND stage_deadline_at < ? ORDER BY stage_deadline_at LIMIT 500`,
      [false, this.db.dateParam(now)],
    );
    let closed = 0;
    for (const { id } of due) {
      const row = await this.concerns.findRow(Number(id));
      if (!row || row.status !== 'resolved') continue;
      const patch = { status: 'closed' as const, closedAt: now, stageDeadlineAt: null, isOpen: false };
      await this.db.transaction(async (m) => {
        if (!(await this.actions.update(m, Number(row.id), Number(row.version), patch, now))) return;
        await this.concerns.insertEvent(m, {
          concernId: Number(row.id), actorId: SYSTEM.id, actorRole: SYSTEM.role, type: 'auto_closed', fromStatus: 'resolved', toStatus: 'closed',
          toLevel: row.holderLevel, note: '解决后 7 天未评价，自动办结', createdAt: now,
        });
        await this.actions.notify(m, row, 'auto_closed', null, patch, SYSTEM.name, null);
        closed++;
      });
    }
    return `closed ${closed}`;
  }
}
