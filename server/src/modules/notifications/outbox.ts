import type { EntityManager } from '@mikro-orm/postgresql';
import { newId } from '../../shared/ids.js';

export interface OutgoingMessage {
  /** One message per event: a second enqueue with the same key is ignored. */
  dedupeKey: string;
  channel: 'EMAIL' | 'SMS';
  recipient: string;
  subject: string;
  body: string;
  sensitive?: boolean;
  sessionId?: string | null;
  at: Date;
}

/** Writes a message to the outbox inside the caller's transaction; the dispatcher sends it. */
export async function enqueueMessage(tx: EntityManager, m: OutgoingMessage): Promise<void> {
  await tx.execute(
    // the key table holds "one per key" across the notification table's time partitions
    `with k as (insert into notification_key (dedupe_key, created_at) values (?, ?) on conflict do nothing returning dedupe_key)
     insert into notification (id, dedupe_key, channel, recipient, subject, body, sensitive, session_id, next_attempt_at, created_at)
     select ?, k.dedupe_key, ?, ?, ?, ?, ?, ?, ?, ? from k`,
    [
      m.dedupeKey,
      m.at,
      newId(),
      m.channel,
      m.recipient,
      m.subject,
      m.body,
      m.sensitive ?? false,
      m.sessionId ?? null,
      m.at,
      m.at,
    ],
  );
}

/** Every contact of a session gets the message (email and/or SMS). */
export async function notifyContact(
  tx: EntityManager,
  contact: { email: string | null; phone: string | null },
  m: Omit<OutgoingMessage, 'channel' | 'recipient'>,
): Promise<void> {
  if (contact.email)
    await enqueueMessage(tx, {
      ...m,
      channel: 'EMAIL',
      recipient: contact.email,
      dedupeKey: `${m.dedupeKey}:email`,
    });
  if (contact.phone)
    await enqueueMessage(tx, {
      ...m,
      channel: 'SMS',
      recipient: contact.phone,
      dedupeKey: `${m.dedupeKey}:sms`,
    });
}
