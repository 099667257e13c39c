import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../shared/clock.js';
import { RecoveryCodeEntity } from '../../entities/recovery-code.entity.js';
import { StorageSessionEntity } from '../../entities/session.entity.js';
import { DomainError, rateLimited } from '../../errors/domain-error.js';
import { hmac, newOneTimeCode, safeEqualHex } from '../../auth/secrets.js';
import { newId } from '../../shared/ids.js';
import { contactKey, normaliseContact } from '../sessions/contact.js';
import { notifyContact } from '../notifications/outbox.js';
import { recoveryMessage } from '../notifications/depositor-messages.js';
import { messageContext } from '../notifications/message-context.js';
import type { SessionService } from '../sessions/session.service.js';
import type { IssuedAccessCode } from '../sessions/session.types.js';

const CODE_TTL_MS = 15 * 60_000;
/** Wrong tries of one one-time code before it is dead. */
export const MAX_ATTEMPTS = 5;
/** Codes sent to one contact at a site per window: with MAX_ATTEMPTS, 15 guesses in 15 minutes at most. */
export const MAX_SENDS = 3;
const SEND_WINDOW_MS = 15 * 60_000;
/** The least time between two sends to one contact ("send the code again"). */
export const RESEND_GAP_MS = 30_000;

/** What one try of a one-time code came to. */
type Tried = { sessionId: string } | { attemptsLeft: number };

/** A wrong or dead one-time code; `attemptsLeft` (when a code was tried) for the traveller. */
const wrongCode = (attemptsLeft?: number) =>
  new DomainError('BAD_USER_INPUT', 'The code is wrong or has expired. Ask for a new one.', {
    field: 'oneTimeCode',
    ...(attemptsLeft === undefined ? {} : { attemptsLeft }),
  });

/**
 * Lost code: a one-time code goes to the contact given at issue; with it, the old access
 * code is revoked and a new one returned. `start` answers the same whether or not the contact
 * has a session, so nobody can learn who stores luggage here.
 */
export class RecoveryService {
  constructor(
    private readonly em: EntityManager,
    private readonly sessions: SessionService,
    private readonly clock: Clock,
    private readonly key: string,
  ) {}

  async start(siteId: string, contactInput: { email?: string | null; phone?: string | null }): Promise<true> {
    const contact = normaliseContact(contactInput);
    const key = contactKey(contact);
    const now = this.clock.now();
    await this.em.fork().transactional(async (tx) => {
      await this.checkSendRate(tx, siteId, key, now);
      const session = await this.openSession(tx, siteId, contact);
      // a contact with nothing stored gets a code too, never sent: the limits, the attempts
      // and the answers are then the same for everyone, so none of them tells who stores here
      const code = newOneTimeCode();
      tx.create(RecoveryCodeEntity, {
        id: newId(),
        siteId,
        contactKey: key,
        codeHash: hmac(this.key, `${siteId}:${key}:${code}`),
        expiresAt: new Date(now.getTime() + CODE_TTL_MS),
        createdAt: now,
      } as RecoveryCodeEntity);
      await tx.flush();
      if (!session) return;
      await notifyContact(
        tx,
        { email: contact.email, phone: contact.email ? null : contact.phone },
        {
          dedupeKey: `recovery:${newId()}`,
          ...recoveryMessage(await messageContext(tx, session), code),
          sensitive: true,
          sessionId: session.id,
          at: now,
        },
      );
    });
    return true;
  }

  async complete(
    siteId: string,
    contactInput: { email?: string | null; phone?: string | null },
    oneTimeCode: string,
  ): Promise<IssuedAccessCode> {
    const contact = normaliseContact(contactInput);
    const key = contactKey(contact);
    const code = oneTimeCode.trim();
    if (!/^[0-9]{6}$/.test(code)) throw wrongCode();
    const outcome = await this.em.fork().transactional(async (tx): Promise<Tried> => {
      const pending = await tx.findOne(
        RecoveryCodeEntity,
        { siteId, contactKey: key, usedAt: null, expiresAt: { $gt: this.clock.now() } },
        { orderBy: { createdAt: 'desc' }, lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!pending || pending.attempts >= MAX_ATTEMPTS) return { attemptsLeft: 0 };
      if (!safeEqualHex(pending.codeHash, hmac(this.key, `${siteId}:${key}:${code}`))) {
        pending.attempts += 1;
        return { attemptsLeft: MAX_ATTEMPTS - pending.attempts };
      }
      pending.usedAt = this.clock.now();
      const session = await this.openSession(tx, siteId, contact);
      return session ? { sessionId: session.id } : { attemptsLeft: 0 };
    });
    if (!('sessionId' in outcome)) throw wrongCode(outcome.attemptsLeft);
    const { sessionId } = outcome;
    return this.sessions.replaceCode(
      sessionId,
      `recovery:${key.split(':')[0]}`,
      'access code recovered with a one-time code',
    );
  }

  /**
   * "Send the code again" has limits per contact and site, whoever asks (kiosk or phone): a gap
   * between two sends and a few per window. RATE_LIMITED says when the next one may go.
   */
  private async checkSendRate(tx: EntityManager, siteId: string, key: string, now: Date): Promise<void> {
    const recent = await tx.find(
      RecoveryCodeEntity,
      { siteId, contactKey: key, createdAt: { $gt: new Date(now.getTime() - SEND_WINDOW_MS) } },
      { orderBy: { createdAt: 'desc' }, fields: ['createdAt'] },
    );
    const wait = (until: number) => Math.max(1, Math.ceil((until - now.getTime()) / 1000));
    const latest = recent[0];
    if (latest && now.getTime() - latest.createdAt.getTime() < RESEND_GAP_MS)
      throw rateLimited(wait(latest.createdAt.getTime() + RESEND_GAP_MS));
    const oldest = recent[MAX_SENDS - 1];
    if (oldest) throw rateLimited(wait(oldest.createdAt.getTime() + SEND_WINDOW_MS));
  }

  /** The contact's most recent session that still has a use for a code. */
  private openSession(
    tx: EntityManager,
    siteId: string,
    contact: { email: string | null; phone: string | null },
  ) {
    const where: Record<string, unknown> = {
      siteId,
      status: { $in: ['CREATED', 'DEPOSITING', 'STORED', 'RETRIEVING'] },
    };
    if (contact.email) where.contactEmail = contact.email;
    else where.contactPhone = contact.phone;
    return tx.findOne(StorageSessionEntity, where, { orderBy: { createdAt: 'desc' } });
  }
}
