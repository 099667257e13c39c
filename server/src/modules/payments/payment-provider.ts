/**
 * A card network behind an interface: the demo provider runs here (the kiosk's tap-card
 * screen); a real provider adapter (e.g. Stripe) implements the same two calls.
 */
export interface PaymentProvider {
  readonly name: string;
  /** Starts a payment; returns the provider's reference and what its widget needs. */
  start(amount: number, currency: string, paymentId: string): Promise<{ providerRef: string; clientSecret: string | null }>;
}

/** Approves or declines on the kiosk's say-so; for demos and tests. */
export const demoProvider: PaymentProvider = {
  name: 'demo',
  async start(_amount, _currency, paymentId) {
    return { providerRef: `demo_${paymentId}`, clientSecret: null };
  },
};
