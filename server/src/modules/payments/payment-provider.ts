/**
 * A card network behind an interface: the demo provider runs here (the kiosk's tap-card
 * screen); Stripe (stripe-provider.ts) implements the same calls against the real network.
 */
export interface PaymentProvider {
  readonly name: string;
  /** Starts a payment; returns the provider's reference and what its widget needs. */
  start(
    amount: number,
    currency: string,
    paymentId: string,
  ): Promise<{ providerRef: string; clientSecret: string | null }>;
  /** Gives a captured payment back in full. Called once per payment (idempotency key: the payment id). */
  refund(providerRef: string, amount: number, paymentId: string): Promise<void>;
}

/** What a provider's webhook says about one of our payments. */
export interface ProviderOutcome {
  providerRef: string;
  status: 'CAPTURED' | 'DECLINED' | 'CANCELLED';
  /** What the provider says it received, to check against the payment's amount. */
  amount: number | null;
  /** When the provider created the event: an older event arriving later is not applied. */
  at: Date | null;
}

/** Approves or declines on the kiosk's say-so; for demos and tests. */
export const demoProvider: PaymentProvider = {
  name: 'demo',
  start(_amount, _currency, paymentId) {
    return Promise.resolve({ providerRef: `demo_${paymentId}`, clientSecret: null });
  },
  async refund() {
    // nothing to give back on a card network that does not exist
  },
};
