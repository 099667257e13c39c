import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { fakeApi } from '../../test/fake-api';
import { scanResult, session } from '../../test/fixtures';
import { ScanOutcomeView } from '../scan/scan-outcome-view';

const money = (amount: number) => ({ __typename: 'Money' as const, amount, currency: 'EUR' });

/** Stored with 4 h included, due 18:00 Berlin time, collected 70 minutes late at 2.00 per hour. */
const late = session({
  status: 'STORED',
  overdue: true,
  depositedAt: '2026-11-25T13:00:00.000Z',
  dueAt: '2026-11-25T17:00:00.000Z',
  amountDue: money(400),
  terms: { ...session().terms, overdueFee: money(400), minutesOverdue: 70 },
});

function show(s = late) {
  const api = fakeApi({});
  render(
    <ScanOutcomeView
      siteId="site-1"
      payload="CODE-1"
      result={scanResult('PAYMENT_REQUIRED', { session: s, amountDue: s.amountDue })}
      onBusyChange={vi.fn()}
      onDone={vi.fn()}
      onScanAgain={vi.fn()}
      onPaid={vi.fn()}
      onLostCode={vi.fn()}
    />,
    { wrapper: api.wrapper },
  );
}

describe('an overdue bag at the kiosk', () => {
  it('says when it was due (site time), how long over, the rate, the fee so far and what to pay', () => {
    show();
    expect(
      screen.getByText('Your storage time ended at 18:00. Please pay €4.00 to open your locker.'),
    ).toBeVisible();
    expect(screen.getByTestId('overdue-due')).toHaveTextContent('25 Nov 2026, 18:00');
    expect(screen.getByTestId('overdue-over')).toHaveTextContent('1 hr 10 min');
    expect(screen.getByTestId('overdue-rate')).toHaveTextContent('€2.00 per started hour');
    expect(screen.getByTestId('overdue-fee')).toHaveTextContent('€4.00');
    expect(screen.getByTestId('overdue-to-pay')).toHaveTextContent('€4.00');
  });

  it('a price owed before the deposit is not called overdue', () => {
    show(session({ status: 'CREATED', amountDue: money(400) }));
    expect(screen.getByText('Please pay €4.00 to open your locker.')).toBeVisible();
    expect(screen.queryByTestId('overdue-fee')).toBeNull();
  });
});
