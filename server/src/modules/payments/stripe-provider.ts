import type Stripe from 'stripe';

// The SDK is large (~30 MB resident); load it only on a server that is configured for Stripe.
let sdk: Promise<typeof Stripe> | null = null;
const loadSdk = (): Promise<typeof Stripe> => (sdk ??= import('stripe').then((m) => m.default));
import type { PaymentProvider, ProviderOutcome } from './payment-provider.js';

/** Stripe PaymentIntents through the official SDK; the kiosk's card widget confirms with `clientSecret`. */
export function stripeProvider(secretKey: string, apiUrl: string | null): PaymentProvider {
  const base = apiUrl ? new URL(apiUrl) : null;
  let client: Promise<Stripe> | null = null;
  const connect = (): Promise<Stripe> =>
    (client ??= loadSdk().then(
      (StripeSdk) =>
        new StripeSdk(secretKey, {
          maxNetworkRetries: 2,
          timeout: 15_000,
          telemetry: false,
          ...(base
            ? {
                host: base.hostname,
                port: base.port || (base.protocol === 'https:' ? 443 : 80),
                protocol: base.protocol === 'https:' ? 'https' : 'http',
              }
            : {}),
        }),
    ));
  return {
    name: 'stripe',
    async start(amount, currency, paymentId) {
      const intent = await (
        await connect()
      ).paymentIntents.create(
        {
          amount,
          currency: currency.toLowerCase(),
          metadata: { paymentId },
          automatic_payment_methods: { enabled: true },
        },
        { idempotencyKey: `payment:${paymentId}` },
      );
      return { providerRef: intent.id, clientSecret: intent.client_secret };
    },
    async refund(providerRef, amount, paymentId) {
      await (
        await connect()
      ).refunds.create({ payment_intent: providerRef, amount }, { idempotencyKey: `refund:${paymentId}` });
    },
  };
}

/**
 * Reads a Stripe webhook: the signature is checked over the raw body with the endpoint's
 * signing secret (stripe.webhooks.constructEvent), so a forged or altered call throws and
 * changes nothing. Events that do not settle a PaymentIntent answer null.
 */
export async function readStripeWebhook(
  rawBody: Buffer,
  signature: string | undefined,
  webhookSecret: string,
): Promise<ProviderOutcome | null> {
  if (!signature) throw new Error('missing Stripe-Signature header');
  const event = (await loadSdk()).webhooks.constructEvent(rawBody, signature, webhookSecret);
  const status = {
    'payment_intent.succeeded': 'CAPTURED',
    'payment_intent.payment_failed': 'DECLINED',
    'payment_intent.canceled': 'CANCELLED',
  }[event.type as string] as ProviderOutcome['status'] | undefined;
  if (!status) return null;
  const intent = event.data.object as { id: string; amount_received?: number | null };
  const at = typeof event.created === 'number' ? new Date(event.created * 1000) : null;
  return {
    providerRef: intent.id,
    status,
    amount: status === 'CAPTURED' ? (intent.amount_received ?? null) : null,
    at,
  };
}
