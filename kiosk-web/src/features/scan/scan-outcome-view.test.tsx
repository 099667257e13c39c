import { describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type ScanResult, type Session } from '../../api/types';
import { fakeApi } from '../../test/fake-api';
import { scanResult, session } from '../../test/fixtures';
import { ScanOutcomeView } from './scan-outcome-view';

function show(
  result: ScanResult,
  current: { session: Session | null } = { session: result.session },
  onStoreAgain?: () => void,
) {
  const api = fakeApi({
    SessionByAccessCode: () => ({ sessionByAccessCode: current.session }),
    SubmitFeedback: () => ({ submitFeedback: true }),
    RequestAssistance: () => ({
      requestAssistance: {
        __typename: 'Alert',
        id: 'al-1',
        reference: 'AB12CD34',
        createdAt: '2026-11-25T14:00:00Z',
      },
    }),
    SiteHelp: () => ({
      site: {
        __typename: 'Site',
        id: 'site-1',
        help: { __typename: 'SiteHelp', phone: '+49 30 1234567', hours: 'Daily 06:00-22:00' },
      },
    }),
  });
  const props = {
    onBusyChange: vi.fn(),
    onDone: vi.fn(),
    onScanAgain: vi.fn(),
    onPaid: vi.fn(),
    onLostCode: vi.fn(),
  };
  render(
    <ScanOutcomeView
      siteId="site-1"
      payload="CODE-123456789"
      result={result}
      {...props}
      onStoreAgain={onStoreAgain}
    />,
    {
      wrapper: api.wrapper,
    },
  );
  return { api, props };
}

describe('scan outcomes that open nothing', () => {
  it.each([
    ['NO_COMPARTMENT_AVAILABLE', 'No locker free', /Your code stays valid/],
    ['INVALID_CODE', 'Code not recognised', /could not use this code/],
    ['WRONG_SITE', 'Other location', /another locker location/],
    ['SESSION_CLOSED', 'Code no longer valid', /storage has ended/],
    ['BUSY', 'Already opening', /already being opened/],
    ['COLLECT_FROM_STAFF', 'Ask staff for your luggage', /lost property/],
  ] as const)('%s says what happened and offers a next step', async (outcome, heading, text) => {
    const { props } = show(scanResult(outcome));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(heading);
    expect(screen.getByRole('alert')).toHaveTextContent(text);
    await userEvent.click(screen.getByRole('button', { name: 'Scan again' }));
    expect(props.onScanAgain).toHaveBeenCalledOnce();
  });

  it('offers recovery for an invalid code', async () => {
    const { props } = show(scanResult('INVALID_CODE'));
    await userEvent.click(screen.getByRole('button', { name: 'I lost my code' }));
    expect(props.onLostCode).toHaveBeenCalledOnce();
  });
});

describe('a code whose door is already opening (its first answer lost on the way)', () => {
  it('names the locker and follows it live, instead of only saying "wait"', async () => {
    // The scan went through but the answer did not: the scan again finds the deposit under way.
    const s = session({ status: 'DEPOSITING' });
    const { api, props } = show(scanResult('BUSY', { session: s }));
    expect(screen.getByText('A07')).toBeInTheDocument();
    expect(screen.getByText(/Open the door and put your luggage in/)).toBeInTheDocument();
    await waitFor(() => expect(props.onBusyChange).toHaveBeenLastCalledWith(true));
    act(() =>
      api.emit('SessionUpdated', {
        sessionUpdated: session({
          status: 'STORED',
          depositedAt: '2026-11-25T13:40:00.000Z',
          dueAt: '2026-11-25T17:40:00.000Z',
        }),
      }),
    );
    expect(await screen.findByText('Stored until 18:40')).toBeInTheDocument();
  });

  it('a collection under way: the same locker, to take the luggage from', () => {
    const s = session({ status: 'RETRIEVING', intent: 'RETRIEVE', dueAt: '2026-11-25T17:40:00.000Z' });
    show(scanResult('BUSY', { session: s }));
    expect(screen.getByText('A07')).toBeInTheDocument();
    expect(screen.getByText(/Open the door and take your luggage/)).toBeInTheDocument();
  });
});

describe('deposit followed live', () => {
  it('shows the locker, then door open, then the stored-until time in the site time zone', async () => {
    const s = session();
    const current = { session: s as Session | null };
    const { api, props } = show(
      scanResult('UNLOCKING_FOR_DEPOSIT', { session: s, compartment: s.compartment }),
      current,
    );
    expect(screen.getByText('A07')).toBeInTheDocument();
    expect(screen.getByText(/Open the door and put your luggage in/)).toBeInTheDocument();
    await waitFor(() => expect(props.onBusyChange).toHaveBeenLastCalledWith(true));

    act(() =>
      api.emit('CompartmentUpdated', {
        compartmentUpdated: {
          __typename: 'Compartment',
          id: 'cmp-a07',
          label: 'A07',
          size: 'SMALL',
          status: 'RESERVED',
          doorState: 'OPEN',
          version: 3,
        },
      }),
    );
    expect(await screen.findByRole('heading', { name: 'Door open' })).toBeInTheDocument();
    expect(screen.getByText('Put your luggage in, then close the door.')).toBeInTheDocument();

    // 17:40 UTC is 18:40 in Berlin in November.
    const stored = session({
      status: 'STORED',
      depositedAt: '2026-11-25T13:40:00.000Z',
      dueAt: '2026-11-25T17:40:00.000Z',
    });
    current.session = stored;
    act(() => api.emit('SessionUpdated', { sessionUpdated: stored }));
    expect(await screen.findByText('Stored until 18:40')).toBeInTheDocument();
    expect(screen.getByText('Your luggage is in locker A07.')).toBeInTheDocument();
    await waitFor(() => expect(props.onBusyChange).toHaveBeenLastCalledWith(false));
  });

  it('tells a depositor whose door did not open that staff are told and a re-scan gets another locker', async () => {
    const s = session();
    const { api } = show(scanResult('UNLOCKING_FOR_DEPOSIT', { session: s, compartment: s.compartment }));
    act(() =>
      api.emit('SessionUpdated', { sessionUpdated: session({ status: 'CREATED', compartment: null }) }),
    );
    expect(
      await screen.findByText(
        /Staff have been told. Scan your code again to get another locker; you will not pay again/,
      ),
    ).toBeInTheDocument();
  });

  it('raises an assistance request when the door did not open', async () => {
    const s = session();
    const { api } = show(scanResult('UNLOCKING_FOR_DEPOSIT', { session: s, compartment: s.compartment }));
    await userEvent.click(screen.getByRole('button', { name: 'The door did not open' }));
    expect(await screen.findByText(/Help is coming/)).toBeInTheDocument();
    expect(screen.getByTestId('help-reference')).toHaveTextContent('AB12CD34');
    expect(
      await screen.findByText('If nobody comes, call +49 30 1234567 and give your reference.'),
    ).toBeInTheDocument();
    expect(api.calls.find((c) => c.name === 'RequestAssistance')?.variables).toMatchObject({
      siteId: 'site-1',
      payload: 'CODE-123456789',
      compartmentLabel: 'A07',
    });
    // The unlock then runs out: the code still works, and help stays called (not asked twice).
    act(() =>
      api.emit('SessionUpdated', { sessionUpdated: session({ status: 'CREATED', compartment: null }) }),
    );
    expect(await screen.findByText(/The door did not open. Staff have been told/)).toBeInTheDocument();
    expect(screen.getByText(/Help is coming/)).toBeInTheDocument();
    expect(screen.getByTestId('help-reference')).toHaveTextContent('AB12CD34');
    expect(screen.queryByRole('button', { name: 'The door did not open' })).not.toBeInTheDocument();
    expect(api.calls.filter((c) => c.name === 'RequestAssistance')).toHaveLength(1);
  });
});

describe('access followed live', () => {
  it('opens mid-session and, once the door is shut again, says it is still stored', async () => {
    const s = session({ status: 'RETRIEVING', intent: 'ACCESS', dueAt: '2026-11-25T17:40:00.000Z' });
    const { api } = show(scanResult('UNLOCKING_FOR_ACCESS', { session: s, compartment: s.compartment }));
    expect(screen.getByText(/Close the door when you are done: your time keeps running/)).toBeInTheDocument();
    const door = (doorState: string) => ({
      compartmentUpdated: {
        __typename: 'Compartment',
        id: 'cmp-a07',
        label: 'A07',
        size: 'SMALL',
        status: 'OCCUPIED',
        doorState,
        version: 5,
      },
    });
    act(() => api.emit('CompartmentUpdated', door('OPEN')));
    expect(await screen.findByRole('heading', { name: 'Door open' })).toBeInTheDocument();
    act(() => api.emit('CompartmentUpdated', door('CLOSED')));
    act(() =>
      api.emit('SessionUpdated', {
        sessionUpdated: session({ status: 'STORED', intent: null, dueAt: '2026-11-25T17:40:00.000Z' }),
      }),
    );
    expect(await screen.findByText('Stored until 18:40')).toBeInTheDocument();
  });
});

describe('retrieval followed live', () => {
  it('thanks the person and sends their rating', async () => {
    const s = session({ status: 'RETRIEVING', intent: 'RETRIEVE' });
    const { api } = show(scanResult('UNLOCKING_FOR_RETRIEVAL', { session: s, compartment: s.compartment }));
    expect(screen.getByText(/Open the door and take your luggage/)).toBeInTheDocument();
    act(() =>
      api.emit('SessionUpdated', {
        sessionUpdated: session({ status: 'COMPLETED', retrievedAt: '2026-11-25T15:00:00Z' }),
      }),
    );
    expect(await screen.findByRole('heading', { name: 'Thank you!' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '4 out of 5' }));
    expect(await screen.findByText('Thank you for your feedback.')).toBeInTheDocument();
    expect(api.calls.find((c) => c.name === 'SubmitFeedback')?.variables).toMatchObject({
      payload: 'CODE-123456789',
      rating: 4,
    });
  });

  it('after the collection: "Store luggage again" starts a new deposit', async () => {
    const s = session({ status: 'RETRIEVING', intent: 'RETRIEVE' });
    const onStoreAgain = vi.fn();
    const { api } = show(
      scanResult('UNLOCKING_FOR_RETRIEVAL', { session: s, compartment: s.compartment }),
      { session: s },
      onStoreAgain,
    );
    act(() =>
      api.emit('SessionUpdated', {
        sessionUpdated: session({ status: 'COMPLETED', retrievedAt: '2026-11-25T15:00:00Z' }),
      }),
    );
    expect(await screen.findByRole('heading', { name: 'Thank you!' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Store luggage again' }));
    expect(onStoreAgain).toHaveBeenCalledOnce();
  });
});
