import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, fakeApi } from '../../test/fake-api';
import { session } from '../../test/fixtures';
import { PhonePayment } from './phone-payment';

const money = (amount: number) => ({ __typename: 'Money', amount, currency: 'EUR' });
const payment = (status: string, over: Record<string, unknown> = {}) => ({
  __typename: 'Payment',
  id: 'pay-1',
  status,
  kind: 'FEE',
  provider: 'demo',
  amount: money(400),
  ...over,
});
const EXTENSION = { __typename: 'StorageExtension', stepMinutes: 60, maxSteps: 3, stepPrice: money(400) };

describe('paying from the phone', () => {
  it('an overdue bag offers only its fee, paid with the code as proof', async () => {
    const api = fakeApi({
      CreatePayment: () => ({ createPayment: payment('PENDING') }),
      ConfirmDemoPayment: () => ({ confirmDemoPayment: payment('CAPTURED') }),
    });
    const onPaid = vi.fn();
    const late = session({
      status: 'STORED',
      overdue: true,
      dueAt: '2026-11-25T15:00:00.000Z',
      amountDue: money(400),
      extension: EXTENSION,
    });
    render(<PhonePayment session={late} payload="CODE-1" onPaid={onPaid} />, { wrapper: api.wrapper });
    expect(screen.getByRole('heading', { name: 'Pay the overdue fee' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'More time' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Pay €4.00' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Card approved' }));
    await vi.waitFor(() => expect(onPaid).toHaveBeenCalledOnce());
    expect(api.calls.map((c) => c.variables)).toEqual([
      { sessionId: 'session-1', payload: 'CODE-1' },
      { paymentId: 'pay-1', outcome: 'APPROVE', payload: 'CODE-1' },
    ]);
    expect(await screen.findByRole('status')).toHaveTextContent('Paid. Thank you');
  });

  it('a stored bag offers more time with its price, then the payment step for that choice', async () => {
    const api = fakeApi({
      CreateExtensionPayment: () => ({
        createExtensionPayment: payment('PENDING', {
          kind: 'EXTENSION',
          extensionMinutes: 120,
          amount: money(800),
        }),
      }),
      ConfirmDemoPayment: () => ({ confirmDemoPayment: payment('CAPTURED', { amount: money(800) }) }),
    });
    const onPaid = vi.fn();
    const stored = session({
      status: 'STORED',
      dueAt: '2026-11-25T15:00:00.000Z',
      extension: EXTENSION,
    });
    render(<PhonePayment session={stored} payload="CODE-1" onPaid={onPaid} />, { wrapper: api.wrapper });
    const choices = screen.getByRole('group', { name: 'How much more time do you need?' });
    expect(choices).toHaveTextContent(/\+1 hr for €4\.00.*\+2 hrs for €8\.00.*\+3 hrs for €12\.00/);
    await userEvent.click(screen.getByRole('button', { name: /\+2 hrs for €8\.00/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Pay €8.00' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Card approved' }));
    await vi.waitFor(() => expect(onPaid).toHaveBeenCalledOnce());
    expect(api.calls[0]).toEqual({
      name: 'CreateExtensionPayment',
      variables: { sessionId: 'session-1', payload: 'CODE-1', steps: 2 },
    });
    // the new due time comes with the live session; until then the page says it is coming
    expect(await screen.findByRole('status')).toHaveTextContent('Paid. Updating your collection time');
  });

  it('says in words why more time cannot be paid now', async () => {
    const api = fakeApi({
      CreateExtensionPayment: () => {
        throw apiError('CONFLICT');
      },
    });
    const stored = session({
      status: 'STORED',
      dueAt: '2026-11-25T15:00:00.000Z',
      extension: EXTENSION,
    });
    render(<PhonePayment session={stored} payload="CODE-1" onPaid={vi.fn()} />, { wrapper: api.wrapper });
    await userEvent.click(screen.getByRole('button', { name: /\+1 hr for €4\.00/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Pay €4.00' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This cannot be paid now');
  });
});
