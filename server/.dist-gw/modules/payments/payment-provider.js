/** Approves or declines on the kiosk's say-so; for demos and tests. */
export const demoProvider = {
    name: 'demo',
    async start(_amount, _currency, paymentId) {
        return { providerRef: `demo_${paymentId}`, clientSecret: null };
    },
};
//# sourceMappingURL=payment-provider.js.map