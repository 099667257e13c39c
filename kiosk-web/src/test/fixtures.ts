import { type IssuedCode, type ScanResult, type Session, type SiteInfo } from '../api/types';

// Fixtures carry __typename like real answers, so Apollo's cache stores them as the server's would.
const money = (amount: number) => ({ __typename: 'Money', amount, currency: 'EUR' });

export const SITE = {
  __typename: 'Site',
  id: 'site-1',
  name: 'Central Station',
  slug: 'central-station',
  phoneUrl: null,
  timezone: 'Europe/Berlin',
  localNames: [],
};

/** A session as the server returns it; override what the test is about. */
export function session(over: Partial<Session> = {}): Session {
  return {
    __typename: 'StorageSession',
    id: 'session-1',
    status: 'DEPOSITING',
    size: 'SMALL',
    createdAt: '2026-11-25T14:00:00.000Z',
    depositedAt: null,
    dueAt: null,
    retrievedAt: null,
    overdue: false,
    intent: null,
    amountDue: money(0),
    compartment: {
      __typename: 'Compartment',
      id: 'cmp-a07',
      label: 'A07',
      size: 'SMALL',
      doorState: 'CLOSED',
    },
    site: SITE,
    terms: {
      __typename: 'SessionTerms',
      price: money(0),
      includedMinutes: 240,
      overduePerHour: money(200),
      amountPaid: money(0),
      overdueFee: money(0),
      minutesOverdue: 0,
      receiptReference: null,
      codeValidUntil: null,
    },
    extension: null,
    ...over,
  } as Session;
}

/** One scan answer. */
export function scanResult(outcome: ScanResult['outcome'], over: Partial<ScanResult> = {}): ScanResult {
  return {
    __typename: 'ScanResult',
    outcome,
    message: 'server message',
    amountDue: null,
    session: null,
    compartment: null,
    ...over,
  } as ScanResult;
}

/** An issued code with its session. */
export function issued(over: Partial<Session> = {}): IssuedCode {
  return {
    __typename: 'IssuedAccessCode',
    session: session({ status: 'CREATED', compartment: null, ...over }),
    code: {
      __typename: 'AccessCode',
      payload: 'PAYLOAD-0123456789abcdef',
      shortCode: 'ABCD-EFGH',
      qrSvg: '<svg xmlns="http://www.w3.org/2000/svg"/>',
      issuedAt: '2026-11-25T14:00:00.000Z',
    },
  } as IssuedCode;
}

/** The site with its availability per size (MEDIUM costs 4,00 €, LARGE is full). */
export function siteWithAvailability(): SiteInfo {
  const tariff = (size: string, price: number) => ({
    __typename: 'Tariff',
    id: `t-${size}`,
    size,
    includedMinutes: 240,
    graceMinutes: 15,
    price: money(price),
    overduePerHour: money(200),
  });
  return {
    ...SITE,
    availability: [
      {
        __typename: 'SizeAvailability',
        size: 'SMALL',
        free: 8,
        total: 8,
        tariff: tariff('SMALL', 0),
        dimensions: null,
      },
      {
        __typename: 'SizeAvailability',
        size: 'MEDIUM',
        free: 3,
        total: 8,
        tariff: tariff('MEDIUM', 400),
        dimensions: null,
      },
      {
        __typename: 'SizeAvailability',
        size: 'LARGE',
        free: 0,
        total: 4,
        tariff: tariff('LARGE', 600),
        dimensions: null,
      },
      {
        __typename: 'SizeAvailability',
        size: 'XLARGE',
        free: 4,
        total: 4,
        tariff: tariff('XLARGE', 800),
        dimensions: null,
      },
    ],
  } as unknown as SiteInfo;
}
