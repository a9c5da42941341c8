import { Injectable } from '@nestjs/common';
import { inScope, scopeOf } from '../../common/access';
import type { AuthClaims } from '../../common/auth/token.service';
import { DatabaseService } from '../../database/database.service';
import { UserEntity } from '../users/user.entity';

/**
 * Who may see a concern, asked by the photo routes: a photo attached to a concern is shown to
 * whoever may see that concern. The concerns module owns that rule and provides it under
 * PHOTO_ACCESS (`{ provide: PHOTO_ACCESS, useExisting: … }` in its own module; PhotosService finds
 * it at start-up). Without such a provider, ConcernScopePhotoAccess below is used.
 */
export interface PhotoAccess {
  canSeeConcern(auth: AuthClaims, concernId: number): Promise<boolean>;
}

export const PHOTO_ACCESS = Symbol('PHOTO_ACCESS');

/**
 * The stand-in rule, read from the concerns table: a resident sees the concerns they submitted;
 * staff see the concerns inside their area (grid, community or street; see common/access.ts).
 */
@Injectable()
export class ConcernScopePhotoAccess implements PhotoAccess {
  constructor(private readonly db: DatabaseService) {}

  async canSeeConcern(auth: AuthClaims, concernId: number): Promise<boolean> {
    const rows: { submitterId: number; streetId: number; communityId: number; gridId: number }[] = await this.db.manager.query(
      `SELECT submitter_id AS submitterId, street_id AS streetId, community_id AS communityId, grid_id AS gridId FROM concerns WHERE id = ?`,
      [concernId],
    );
    const concern = rows[0];
    if (!concern) return false;
    if (auth.role === 'resident') return Number(concern.submitterId) === auth.sub;
    const user = await this.db.manager.findOne(UserEntity, { where: { id: auth.sub } });
    if (!user) return false;
    return inScope(scopeOf(user), { streetId: Number(concern.streetId), communityId: Number(concern.communityId), gridId: Number(concern.gridId) });
  }
}
