import { newId } from '../../shared/ids.js';
/** Writes a message to the outbox inside the caller's transaction; the dispatcher sends it. */
export async function enqueueMessage(tx, m) {
    await tx.execute(`insert into notification (id, dedupe_key, channel, recipient, subject, body, sensitive, session_id, next_attempt_at, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (dedupe_key) do nothing`, [newId(), m.dedupeKey, m.channel, m.recipient, m.subject, m.body, m.sensitive ?? false, m.sessionId ?? null, m.at, m.at]);
}
/** Every contact of a session gets the message (email and/or SMS). */
export async function notifyContact(tx, contact, m) {
    if (contact.email)
        await enqueueMessage(tx, { ...m, channel: 'EMAIL', recipient: contact.email, dedupeKey: `${m.dedupeKey}:email` });
    if (contact.phone)
        await enqueueMessage(tx, { ...m, channel: 'SMS', recipient: contact.phone, dedupeKey: `${m.dedupeKey}:sms` });
}
//# sourceMappingURL=outbox.js.map