import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../shared/clock.js';
import { RecoveryCodeEntity } from '../../entities/recovery-code.entity.js';
import { StorageSessionEntity } from '../../entities/session.entity.js';
import { badInput } from '../../errors/domain-error.js';
import { hmac, newOneTimeCode, safeEqualHex } from '../../auth/secrets.js';
import { newId } from '../../shared/ids.js';
import { contactKey, normaliseContact } from '../sessions/contact.js';
import { notifyContact } from '../notifications/outbox.js';
import { recoveryMessage } from '../notifications/depositor-messages.js';
import { messageContext } from '../notifications/message-context.js';
import type { SessionService } from '../sessions/session.service.js';
import type { IssuedAccessCode } from '../sessions/session.types.js';

const CODE_TTL_MS = 15 * 60_000;
const MAX_ATTEMPTS = 5;

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
      const session = await this.openSession(tx, siteId, contact);
      if (!session) return;
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
    const wrong = () => badInput('oneTimeCode', 'The code is wrong or has expired. Ask for a new one.');
    if (!/^[0-9]{6}$/.test(code)) throw wrong();
    const sessionId = await this.em.fork().transactional(async (tx) => {
      const pending = await tx.findOne(
        RecoveryCodeEntity,
        { siteId, contactKey: key, usedAt: null, expiresAt: { $gt: this.clock.now() } },
        { orderBy: { createdAt: 'desc' }, lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!pending || pending.attempts >= MAX_ATTEMPTS) return null;
      if (!safeEqualHex(pending.codeHash, hmac(this.key, `${siteId}:${key}:${code}`))) {
        pending.attempts += 1;
        return null;
      }
      pending.usedAt = this.clock.now();
      return (await this.openSession(tx, siteId, contact))?.id ?? null;
    });
    if (!sessionId) throw wrong();
    return this.sessions.replaceCode(
      sessionId,
      `recovery:${key.split(':')[0]}`,
      'access code recovered with a one-time code',
    );
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
