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
  const endpoints = await subscribedEndpoints(tx, event);
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

// One look-up per event and transaction: a batch (a door report storing 24 deposits) asks once.
const endpointsByTransaction = new WeakMap<EntityManager, Map<WebhookEventName, Promise<{ id: string }[]>>>();

function subscribedEndpoints(tx: EntityManager, event: WebhookEventName): Promise<{ id: string }[]> {
  let known = endpointsByTransaction.get(tx);
  if (!known) {
    known = new Map<WebhookEventName, Promise<{ id: string }[]>>();
    endpointsByTransaction.set(tx, known);
  }
  let endpoints = known.get(event);
  if (!endpoints) {
    endpoints = tx.execute<{ id: string }[]>(
      `select id from webhook_endpoint where deleted_at is null and ? = any(events)`,
      [event],
    );
    known.set(event, endpoints);
  }
  return endpoints;
}
