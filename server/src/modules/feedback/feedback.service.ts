import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../shared/clock.js';
import { FeedbackEntity } from '../../entities/feedback.entity.js';
import { StorageSessionEntity } from '../../entities/session.entity.js';
import { badInput } from '../../errors/domain-error.js';
import { newId } from '../../shared/ids.js';
import { hashAccessCode, normaliseAccessCode } from '../../auth/access-code.js';
import { emitWebhookEvent } from '../webhooks/webhook-events.js';

/** Depositors' ratings, one per session (a second submission replaces the first). */
export class FeedbackService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  async submit(payload: string, rating: number, comment: string | null): Promise<boolean> {
    if (!Number.isInteger(rating) || rating < 1 || rating > 5)
      throw badInput('rating', 'rating must be 1 to 5');
    if (comment && comment.length > 2000)
      throw badInput('comment', 'comment must be at most 2000 characters');
    const code = normaliseAccessCode(payload);
    const invalid = () => badInput('payload', 'This code is not valid');
    if (!code) throw invalid();
    await this.em.fork().transactional(async (tx) => {
      const session = await tx.findOne(StorageSessionEntity, { codeHash: hashAccessCode(code) });
      if (!session) throw invalid();
      await tx.execute(
        `insert into feedback (id, session_id, rating, comment, created_at) values (?, ?, ?, ?, ?)
         on conflict (session_id) do update set rating = excluded.rating, comment = excluded.comment, created_at = excluded.created_at`,
        [newId(), session.id, rating, comment?.trim() || null, this.clock.now()],
      );
      const data = {
        sessionId: session.id,
        siteId: session.siteId,
        size: session.size,
        rating,
        comment: comment?.trim() || null,
        contact: { email: session.contactEmail, phone: session.contactPhone },
      };
      await emitWebhookEvent(tx, 'feedback.submitted', data, this.clock.now());
    });
    return true;
  }

  forSession(sessionId: string): Promise<FeedbackEntity | null> {
    return this.em.fork().findOne(FeedbackEntity, { sessionId });
  }
}
