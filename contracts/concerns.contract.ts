import { z } from 'zod';

export * from './concerns.constants';
import { CONCERN_TEXT_MAX, ConcernCategories, ConcernStatuses, type ConcernCategory, type ConcernStatus } from './concerns.constants';

/** POST /api/concerns (send an Idempotency-Key header). */
export const CreateConcernRequestSchema = z
  .object({
    category: z.enum(ConcernCategories),
    text: z.string().trim().min(1, '请写下您要反映的事情').max(CONCERN_TEXT_MAX, `最多 ${CONCERN_TEXT_MAX} 字`),
  })
  .strict();
export type CreateConcernRequest = z.infer<typeof CreateConcernRequestSchema>;

/** POST /api/concerns/:id/accept */
export const AcceptConcernRequestSchema = z.object({ note: z.string().trim().max(500).optional() }).strict();
export type AcceptConcernRequest = z.infer<typeof AcceptConcernRequestSchema>;

export interface ConcernEventItem {
  id: number;
  type: 'submitted' | 'accepted';
  fromStatus: ConcernStatus | null;
  toStatus: ConcernStatus;
  actorName: string;
  actorRoleLabel: string;
  note: string | null;
  at: string;
}

export interface ConcernItem {
  id: number;
  category: ConcernCategory;
  categoryLabel: string;
  text: string;
  status: ConcernStatus;
  statusLabel: string;
  /** "创业一社区 3号楼 2单元" */
  placeLabel: string;
  gridName: string;
  submitterName: string;
  /** Submitted while the resident's unit was not yet confirmed by the grid worker. */
  unconfirmed: boolean;
  /** Who holds the concern now (name and role label), null when it sits in the community queue. */
  holderName: string | null;
  holderRoleLabel: string | null;
  /** 首接负责: the first owner. */
  firstOwnerName: string | null;
  createdAt: string;
  acceptedAt: string | null;
}

export interface ConcernDetail extends ConcernItem {
  timeline: ConcernEventItem[];
}

/** GET /api/concerns/inbox?status=&cursor=&limit= — staff. */
export const InboxQuerySchema = z
  .object({
    status: z.enum(ConcernStatuses).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type InboxQuery = z.infer<typeof InboxQuerySchema>;
