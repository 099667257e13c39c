import type { Sender } from './senders.js';

/** Where and as whom to send SMS: a Twilio-compatible REST API (Twilio, or any carrier speaking its Messages API). */
export interface SmsApi {
  apiUrl: string;
  accountSid: string;
  /** A secret: sent only as the Basic credential, never logged. */
  authToken: string;
  from: string;
}

/** How long the carrier has to answer before the attempt counts as failed (and is retried). */
const TIMEOUT_MS = 10_000;

/**
 * SMS over the Messages API (`POST {apiUrl}/2010-04-01/Accounts/{sid}/Messages.json`, form
 * fields To, From or MessagingServiceSid, Body; HTTP Basic with the account SID and token).
 * A 2xx is SENT; anything else throws, so the outbox's job retries it with backoff. The error
 * names the status and the carrier's error code only: its text may quote the recipient.
 */
export function httpSmsSender(api: SmsApi, fetchImpl: typeof fetch = fetch): Sender {
  const endpoint = `${api.apiUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(api.accountSid)}/Messages.json`;
  const auth = `Basic ${Buffer.from(`${api.accountSid}:${api.authToken}`).toString('base64')}`;
  const sender = api.from.startsWith('MG') ? 'MessagingServiceSid' : 'From';
  return {
    async send(m) {
      // an SMS has no subject line: it leads the text (it names the site and what the message is)
      const form = new URLSearchParams({ To: m.to, [sender]: api.from, Body: `${m.subject}\n${m.body}` });
      const res = await fetchImpl(endpoint, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (res.ok) {
        await res.body?.cancel();
        return 'SENT';
      }
      const code = await res
        .json()
        .then((j: unknown) => (j as { code?: unknown })?.code)
        .catch(() => undefined);
      throw new Error(
        `SMS carrier answered ${res.status}${typeof code === 'number' ? ` (error ${code})` : ''}`,
      );
    },
  };
}
