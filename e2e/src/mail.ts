/**
 * For specs: the e-mails the server sent during this run, read from the harness's mailbox
 * (src/mailbox.ts) the way a person would open theirs.
 */
import { harnessEnvSync } from './env';
import type { ReceivedMail } from './mailbox';

export type { ReceivedMail };

/** Every message received so far, in arrival order. */
export async function receivedMail(): Promise<ReceivedMail[]> {
  const res = await fetch(`${harnessEnvSync().mailUrl}/messages`);
  if (!res.ok) throw new Error(`mailbox: ${res.status}`);
  return (await res.json()) as ReceivedMail[];
}

/**
 * Waits for the newest e-mail delivered to `to` whose subject matches `subject` (any subject
 * when omitted). Delivery goes outbox -> relay (TIMER_INTERVAL_MS, 500 ms) -> job queue (polled
 * every 500 ms in the harness) -> SMTP, so a message normally lands within 1-2 s; the default
 * 20 s leaves room for one failed attempt and its retry.
 */
export async function waitForMail(
  to: string,
  subject?: RegExp | string,
  timeoutMs = 20_000,
): Promise<ReceivedMail> {
  const who = to.toLowerCase();
  const matches = (m: ReceivedMail) =>
    m.envelopeTo.includes(who) &&
    (subject === undefined ||
      (typeof subject === 'string' ? m.subject === subject : subject.test(m.subject)));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const all = await receivedMail();
    const found = all.filter(matches).at(-1);
    if (found) return found;
    if (Date.now() > deadline) {
      const seen = all.filter((m) => m.envelopeTo.includes(who)).map((m) => m.subject);
      throw new Error(
        `no e-mail to ${to} matching ${String(subject ?? 'any subject')} within ${timeoutMs} ms (mailbox has: ${JSON.stringify(seen)})`,
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
