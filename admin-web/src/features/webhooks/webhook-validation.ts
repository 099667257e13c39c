// The new-endpoint form as typed, checked before anything is sent. Pure, tested in
// webhook-form.test.tsx. The server validates again (and may refuse private hosts).
import type { WebhookEvent } from '../../api/generated/graphql';

/** Every event an endpoint can subscribe to, with the name used in the delivered JSON. */
export const WEBHOOK_EVENTS: readonly { event: WebhookEvent; wire: string; help: string }[] = [
  { event: 'SESSION_STORED', wire: 'session.stored', help: 'luggage deposited, door closed' },
  { event: 'SESSION_COMPLETED', wire: 'session.completed', help: 'luggage collected or session ended' },
  { event: 'SESSION_OVERDUE', wire: 'session.overdue', help: 'past the included time and grace' },
  { event: 'ALERT_RAISED', wire: 'alert.raised', help: 'forced door, gateway offline, assistance…' },
  { event: 'FEEDBACK_SUBMITTED', wire: 'feedback.submitted', help: 'a depositor rated the service' },
  { event: 'PAYMENT_CAPTURED', wire: 'payment.captured', help: 'a card payment went through' },
];

/** The form's fields. */
export interface WebhookDraft {
  url: string;
  description: string;
  events: WebhookEvent[];
}

export type WebhookField = 'url' | 'events' | 'description';

/** Either errors by field, or the variables for createWebhookEndpoint. */
export type WebhookDraftResult =
  | { ok: true; value: { url: string; events: WebhookEvent[]; description: string | null } }
  | { ok: false; errors: Partial<Record<WebhookField, string>> };

/** Checks the draft: an http(s) URL with a host, at least one event, a short description. */
export function validateWebhookDraft(draft: WebhookDraft): WebhookDraftResult {
  const errors: Partial<Record<WebhookField, string>> = {};
  const url = draft.url.trim();
  if (!url) errors.url = 'Enter the URL that receives the events.';
  else {
    const parsed = URL.canParse(url) ? new URL(url) : null;
    if (!parsed || !/^https?:$/.test(parsed.protocol) || !parsed.hostname) {
      errors.url = 'Use a full http:// or https:// address, e.g. https://example.com/hooks/lockers.';
    } else if (parsed.username || parsed.password) {
      errors.url = 'Leave credentials out of the URL: verify the signature instead.';
    }
  }
  if (draft.events.length === 0) errors.events = 'Choose at least one event.';
  const description = draft.description.trim();
  if (description.length > 200) errors.description = 'At most 200 characters.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  // Keep the events in the list's order whatever order they were ticked in.
  const events = WEBHOOK_EVENTS.map((e) => e.event).filter((e) => draft.events.includes(e));
  return { ok: true, value: { url, events, description: description || null } };
}
