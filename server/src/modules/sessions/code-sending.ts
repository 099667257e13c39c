import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { recordAudit } from '../../db/audit-trail.js';
import type { AuditActor } from '../../entities/audit-entry.entity.js';
import type { StorageSessionEntity } from '../../entities/session.entity.js';
import { badInput, rateLimited } from '../../errors/domain-error.js';
import type { SessionService } from './session.service.js';
import { SessionView } from './session.types.js';

export const CodeChannel = { EMAIL: 'EMAIL', SMS: 'SMS' } as const;
export type CodeChannel = (typeof CodeChannel)[keyof typeof CodeChannel];
registerEnumType(CodeChannel, {
  name: 'CodeChannel',
  description: 'Where a new code goes: the e-mail or the phone on file',
});

/** Codes staff may send to one session in SEND_WINDOW_MS: a few retries, not a flood. */
export const SENDS_PER_SESSION = 3;
export const SEND_WINDOW_MS = 60 * 60_000;
const ACTION = 'session.send-code';

@ObjectType('SentAccessCode', { description: 'A new code sent to the depositor; the old one is revoked' })
export class SentAccessCode {
  @Field(() => SessionView) session!: SessionView;
  @Field(() => CodeChannel) channel!: CodeChannel;
  @Field(() => String, { description: 'The recipient, partly hidden, e.g. a•••@example.com' })
  sentTo!: string;
}

/** "anna@example.com" → "a•••@example.com"; "+4930123456" → "•••3456". */
export function maskRecipient(channel: CodeChannel, recipient: string): string {
  if (channel === 'SMS') return `•••${recipient.replace(/[^0-9]/g, '').slice(-4)}`;
  const [local = '', domain = ''] = recipient.split('@');
  return `${local.slice(0, 1)}•••@${domain}`;
}

/**
 * Support's "send a new code": the session's code is replaced (the old QR and short code
 * refused at once) and the new one goes only to the chosen contact on file, through the
 * notification outbox in the depositor's language. Each send is in the audit log with the
 * person who sent it; at most SENDS_PER_SESSION per session per hour, counted from that log
 * under the session's row lock, so two operators or two instances share the count.
 */
export class CodeSending {
  constructor(
    private readonly sessions: SessionService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(
    sessionId: string,
    channel: CodeChannel,
    reason: string,
    actor: AuditActor,
    actorLabel: string,
  ): Promise<SentAccessCode> {
    const why = reason.trim();
    if (why.length < 1 || why.length > 500) throw badInput('reason', 'reason must be 1 to 500 characters');
    let sentTo = '';
    const check = async (tx: EntityManager, s: StorageSessionEntity) => {
      const recipient = channel === 'EMAIL' ? s.contactEmail : s.contactPhone;
      if (!recipient)
        throw badInput(
          'channel',
          channel === 'EMAIL'
            ? 'This session has no e-mail address on file'
            : 'This session has no phone on file',
        );
      const now = this.now();
      const [recent] = await tx.execute<{ n: string; oldest: Date | null }[]>(
        `select count(*) as n, min(at) as oldest from audit_entry
         where action = ? and subject_type = 'session' and subject_id = ? and at > ?`,
        [ACTION, s.id, new Date(now.getTime() - SEND_WINDOW_MS)],
      );
      if (Number(recent?.n ?? 0) >= SENDS_PER_SESSION) {
        const oldest = recent?.oldest ? new Date(recent.oldest).getTime() : now.getTime();
        throw rateLimited(Math.max(1, Math.ceil((oldest + SEND_WINDOW_MS - now.getTime()) / 1000)));
      }
      sentTo = maskRecipient(channel, recipient);
      await recordAudit(tx, {
        actor,
        action: ACTION,
        siteId: s.siteId,
        subjectType: 'session',
        subjectId: s.id,
        summary: `New access code sent by ${channel === 'EMAIL' ? 'e-mail' : 'SMS'} to ${sentTo}: ${why}`,
        after: { channel, sentTo },
      });
    };
    const issued = await this.sessions.replaceCode(
      sessionId,
      actorLabel,
      `new access code sent by ${channel === 'EMAIL' ? 'e-mail' : 'SMS'}: ${why}`,
      { only: channel, check },
    );
    return { session: issued.session, channel, sentTo };
  }
}
