import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Events other modules react to, inside the same transaction as the change that caused them. */
export type DomainEvent =
  | { type: 'concern.submitted'; concernId: number; holderId: number | null; communityId: number; submitterName: string; categoryLabel: string }
  | {
      /** Any step after submission; `recipients` are the people who must act now (the receiving level). */
      type: 'concern.transitioned';
      concernId: number;
      action: 'accepted' | 'started' | 'resolved' | 'escalated' | 'returned' | 'closed' | 'rated' | 'reopened' | 'auto_escalated' | 'auto_closed' | 'overdue' | 'me_too';
      submitterId: number;
      recipients: number[];
      actorName: string;
      categoryLabel: string;
      levelLabel: string;
      note: string | null;
    }
  | { type: 'resident.confirmed'; residentId: number; unitLabel: string; actorName: string }
  /** Issue 10: a resident chose another unit (confirmation reset); `fromCommunityId` is where they lived before. */
  | { type: 'resident.moved'; residentId: number; fromCommunityId: number | null; toCommunityId: number }
  /** Issue 11: WeChat content security found a photo risky; the photos module hides it and removes its files. */
  | { type: 'photo.refused'; photoId: number };

type Handler<E extends DomainEvent = DomainEvent> = (manager: EntityManager, event: E) => Promise<void>;

@Injectable()
export class DomainEvents {
  private readonly handlers = new Map<DomainEvent['type'], Handler[]>();

  on<T extends DomainEvent['type']>(type: T, handler: Handler<Extract<DomainEvent, { type: T }>>): void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler as Handler);
    this.handlers.set(type, list);
  }

  /** Runs every handler in the caller's transaction: the change and its effects commit together. */
  async publish(manager: EntityManager, event: DomainEvent): Promise<void> {
    for (const handler of this.handlers.get(event.type) ?? []) await handler(manager, event);
  }
}
