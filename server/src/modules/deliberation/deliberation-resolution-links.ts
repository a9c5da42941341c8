import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { ActivityResolutionRef } from '../../../../contracts/timebank.contract';
import { DeliberationResolutionEntity } from './deliberation-outcomes.entities';
import { ResolutionsRepository } from './deliberation-resolutions.repository';
import { resolutionNotFound } from './deliberation-resolutions.service';

export interface ActivityLink {
  resolutionId: number;
  /** The community of the activity: the resolution must be of it. */
  communityId: number;
  activityTitle: string;
  byUserId: number;
  at: Date;
}

/**
 * 决议 → 志愿活动: what the time bank's team activities (TeamActivitiesService) ask of resolutions. Exported by
 * DeliberationModule; the calls take the caller's transaction `m`.
 */
@Injectable()
export class ResolutionLinks {
  constructor(private readonly repo: ResolutionsRepository) {}

  /**
   * A new activity carries out this resolution: it must be of the activity's community (404 RESOLUTION_NOT_FOUND
   * otherwise, as for anyone outside it), and its history gets the progress note "发起志愿活动：<title>" by the
   * person who created the activity, naming the status the resolution has inside this transaction.
   */
  async recordActivity(m: EntityManager, link: ActivityLink): Promise<ActivityResolutionRef> {
    const r = await this.repo.find(link.resolutionId, m);
    if (!r || r.communityId !== link.communityId) throw resolutionNotFound();
    await this.repo.insertEvent(m, {
      resolutionId: r.id, kind: 'note', fromStatus: r.status, toStatus: r.status, note: `发起志愿活动：${link.activityTitle}`.slice(0, 500),
      byUserId: link.byUserId, at: link.at,
    });
    return { id: r.id, title: r.text };
  }

  /** The resolutions activities link to, as { id, title }: one query for any number of them. */
  async refs(m: EntityManager, ids: number[]): Promise<Map<number, ActivityResolutionRef>> {
    if (!ids.length) return new Map();
    const rows = await m.find(DeliberationResolutionEntity, { where: { id: In(ids) }, select: { id: true, text: true } });
    return new Map(rows.map((r) => [r.id, { id: r.id, title: r.text }]));
  }
}
