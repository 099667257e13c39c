import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { I18nProvider } from '../../i18n/i18n';
import { session } from '../../test/fixtures';
import { CollectionSummary, TermsFacts } from './terms';

const money = (amount: number) => ({ amount, currency: 'EUR' });

describe('what the traveller is told', () => {
  it('the ticket: price, included time, then the rate, code validity, due', () => {
    const s = session({
      status: 'CREATED',
      terms: {
        price: money(400),
        includedMinutes: 240,
        overduePerHour: money(200),
        amountPaid: money(0),
        overdueFee: money(0),
        minutesOverdue: 0,
        receiptReference: null,
        codeValidUntil: '2026-11-25T14:40:00.000Z',
      },
    });
    render(
      <I18nProvider>
        <dl>
          <TermsFacts session={s} />
        </dl>
      </I18nProvider>,
    );
    const facts = [...document.querySelectorAll('dt')].map((dt) => [
      dt.textContent,
      dt.nextElementSibling?.textContent,
    ]);
    expect(facts).toEqual([
      ['Price', '€4.00'],
      ['Included time', expect.stringMatching(/^4 hr/)],
      ['After that', '€2.00 per started hour'],
      ['Code valid', 'to store until 15:40, then until you collect'],
      ['Collect by', expect.stringMatching(/^4 hr.* from when you close the door$/)],
    ]);
  });

  it('at collection: time stored and amount paid', () => {
    const s = session({
      status: 'COMPLETED',
      depositedAt: '2026-11-25T14:00:00.000Z',
      retrievedAt: '2026-11-25T16:15:00.000Z',
      terms: {
        price: money(400),
        includedMinutes: 240,
        overduePerHour: money(200),
        amountPaid: money(400),
        overdueFee: money(0),
        minutesOverdue: 0,
        receiptReference: null,
        codeValidUntil: null,
      },
    });
    render(
      <I18nProvider>
        <CollectionSummary session={s} />
      </I18nProvider>,
    );
    expect(screen.getByTestId('summary-stored')).toHaveTextContent(/^2 hrs? 15 mins?$/);
    expect(screen.getByTestId('summary-paid')).toHaveTextContent('€4.00');
  });

  it('at collection with a receipt sent: its reference, as on the e-mail', () => {
    const s = session({
      status: 'COMPLETED',
      depositedAt: '2026-11-25T14:00:00.000Z',
      retrievedAt: '2026-11-25T14:30:00.000Z',
      terms: { ...session().terms, receiptReference: 'session-1' },
    });
    render(
      <I18nProvider>
        <CollectionSummary session={s} />
      </I18nProvider>,
    );
    expect(screen.getByTestId('summary-receipt')).toHaveTextContent(
      'Sent to the email or phone you gave. Reference: session-1',
    );
  });

  it('at collection without a contact: no receipt row', () => {
    render(
      <I18nProvider>
        <CollectionSummary
          session={session({ status: 'COMPLETED', depositedAt: '2026-11-25T14:00:00.000Z' })}
        />
      </I18nProvider>,
    );
    expect(screen.queryByTestId('summary-receipt')).toBeNull();
  });
});
