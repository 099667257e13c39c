import type { EntityManager } from '@mikro-orm/postgresql';
import { registerEnumType } from 'type-graphql';
import { newId } from '../../shared/ids.js';

/** The events an endpoint may subscribe to. */
export const WEBHOOK_EVENTS = [
  'session.stored',
  'session.completed',
  'session.overdue',
  'alert.raised',
  'feedback.submitted',
  'payment.captured',
  'payment.refunded',
] as const;
export type WebhookEventName = (typeof WEBHOOK_EVENTS)[number];

/** The same names as a GraphQL enum (dots are not allowed there): SESSION_STORED = session.stored. */
export const WebhookEvent = Object.fromEntries(
  WEBHOOK_EVENTS.map((e) => [e.replace('.', '_').toUpperCase(), e.replace('.', '_').toUpperCase()]),
) as Record<string, string>;
registerEnumType(WebhookEvent, {
  name: 'WebhookEvent',
  description: 'session.stored is SESSION_STORED, and so on',
});

export const eventFromEnum = (e: string): WebhookEventName =>
  WEBHOOK_EVENTS.find((n) => n.replace('.', '_').toUpperCase() === e)!;
export const eventToEnum = (e: string): string => e.replace('.', '_').toUpperCase();

/**
 * Records an event for every endpoint subscribed to it, inside the caller's transaction (the
 * outbox): if the change rolls back, no receiver hears of it; if it commits, each receiver gets
 * it exactly once (one delivery row per endpoint and event, delivered by the job queue).
 */
export async function emitWebhookEvent(
  tx: EntityManager,
  event: WebhookEventName,
  data: Record<string, unknown>,
  at: Date,
): Promise<void> {
  const endpoints = await tx.execute<{ id: string }[]>(
    `select id from webhook_endpoint where deleted_at is null and ? = any(events)`,
    [event],
  );
  if (endpoints.length === 0) return;
  const eventId = newId();
  const body = JSON.stringify({ id: eventId, type: event, createdAt: at.toISOString(), data });
  for (const endpoint of endpoints) {
    await tx.execute(
      `insert into webhook_delivery (id, endpoint_id, event_id, event, body, created_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing`,
      [newId(), endpoint.id, eventId, event, body, at],
    );
  }
}
