import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi } from '../../test/fake-api';
import { PaymentPanel } from './payment-panel';

const payment = (status: string) => ({
  __typename: 'Payment',
  id: 'pay-1',
  status,
  kind: 'FEE',
  provider: 'demo',
  amount: { __typename: 'Money', amount: 400, currency: 'EUR' },
});

function setup(outcomes: string[]) {
  const api = fakeApi({
    CreatePayment: () => ({ createPayment: payment('PENDING') }),
    ConfirmDemoPayment: () => ({ confirmDemoPayment: payment(outcomes.shift() ?? 'CAPTURED') }),
  });
  const onPaid = vi.fn();
  render(
    <PaymentPanel
      sessionId="session-1"
      payload="CODE-1"
      amount={{ amount: 400, currency: 'EUR' }}
      onPaid={onPaid}
    />,
    {
      wrapper: api.wrapper,
    },
  );
  return { api, onPaid };
}

describe('PaymentPanel (demo tap-card)', () => {
  it('creates the payment, takes the card and then asks to open the locker', async () => {
    const { api, onPaid } = setup(['CAPTURED']);
    await userEvent.click(screen.getByRole('button', { name: 'Pay €4.00' }));
    expect(await screen.findByText('Tap your card on the reader')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Card approved' }));
    await vi.waitFor(() => expect(onPaid).toHaveBeenCalledOnce());
    expect(api.calls.map((c) => c.name)).toEqual(['CreatePayment', 'ConfirmDemoPayment']);
    expect(api.calls[0]?.variables).toEqual({ sessionId: 'session-1', payload: 'CODE-1' });
    expect(api.calls[1]?.variables).toEqual({ paymentId: 'pay-1', outcome: 'APPROVE', payload: 'CODE-1' });
  });

  it('says a declined card was declined and lets the person pay again', async () => {
    const { api, onPaid } = setup(['DECLINED']);
    await userEvent.click(screen.getByRole('button', { name: 'Pay €4.00' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Card declined' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The card was declined');
    expect(onPaid).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Pay €4.00' }));
    expect(await screen.findByText('Tap your card on the reader')).toBeInTheDocument();
    expect(api.calls.filter((c) => c.name === 'CreatePayment')).toHaveLength(2);
  });

  it('sends one payment for a double tap', async () => {
    const { api } = setup([]);
    const pay = screen.getByRole('button', { name: 'Pay €4.00' });
    await userEvent.dblClick(pay);
    await screen.findByText('Tap your card on the reader');
    expect(api.calls.filter((c) => c.name === 'CreatePayment')).toHaveLength(1);
  });
});
