import Stripe from 'stripe';
import type { PaymentProvider, ProviderOutcome } from './payment-provider.js';

/** Stripe PaymentIntents through the official SDK; the kiosk's card widget confirms with `clientSecret`. */
export function stripeProvider(secretKey: string, apiUrl: string | null): PaymentProvider {
  const base = apiUrl ? new URL(apiUrl) : null;
  const stripe = new Stripe(secretKey, {
    maxNetworkRetries: 2,
    timeout: 15_000,
    telemetry: false,
    ...(base ? { host: base.hostname, port: base.port || (base.protocol === 'https:' ? 443 : 80), protocol: base.protocol === 'https:' ? 'https' : 'http' } : {}),
  });
  return {
    name: 'stripe',
    async start(amount, currency, paymentId) {
      const intent = await stripe.paymentIntents.create(
        { amount, currency: currency.toLowerCase(), metadata: { paymentId }, automatic_payment_methods: { enabled: true } },
        { idempotencyKey: `payment:${paymentId}` },
      );
      return { providerRef: intent.id, clientSecret: intent.client_secret };
    },
    async refund(providerRef, amount, paymentId) {
      await stripe.refunds.create({ payment_intent: providerRef, amount }, { idempotencyKey: `refund:${paymentId}` });
    },
  };
}

/**
 * Reads a Stripe webhook: the signature is checked over the raw body with the endpoint's
 * signing secret (stripe.webhooks.constructEvent), so a forged or altered call throws and
 * changes nothing. Events that do not settle a PaymentIntent answer null.
 */
export function readStripeWebhook(rawBody: Buffer, signature: string | undefined, webhookSecret: string): ProviderOutcome | null {
  if (!signature) throw new Error('missing Stripe-Signature header');
  const event = Stripe.webhooks.constructEvent(rawBody, signature, webhookSecret);
  const status = { 'payment_intent.succeeded': 'CAPTURED', 'payment_intent.payment_failed': 'DECLINED', 'payment_intent.canceled': 'CANCELLED' }[event.type as string] as
    | ProviderOutcome['status']
    | undefined;
  if (!status) return null;
  const intent = event.data.object as { id: string; amount_received?: number | null };
  return { providerRef: intent.id, status, amount: status === 'CAPTURED' ? (intent.amount_received ?? null) : null };
}
