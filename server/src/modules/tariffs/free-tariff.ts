/** Used when a site has not priced a size: free, a day included, no overdue fee. */
export const FREE_TARIFF = {
  price: 0,
  currency: 'EUR',
  includedMinutes: 24 * 60,
  overduePerHour: 0,
  graceMinutes: 0,
  securityAlertAfterMinutes: 24 * 60,
};
