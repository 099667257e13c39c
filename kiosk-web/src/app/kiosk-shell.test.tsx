import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { apiError, fakeApi, type Handler } from '../test/fake-api';
import { scanResult, session, siteWithAvailability } from '../test/fixtures';
import { KioskShell } from './kiosk-app';

function kiosk(handlers: Record<string, Handler> = {}) {
  const api = fakeApi({
    SiteAvailability: () => ({ site: siteWithAvailability() }),
    SessionByAccessCode: () => ({ sessionByAccessCode: null }),
    ...handlers,
  });
  const onSetup = vi.fn();
  render(<KioskShell client={api.client} siteId="site-1" idleSeconds={60} onSetup={onSetup} />);
  return { api, onSetup };
}

/** What a keyboard-wedge scanner sends: the code's characters fast, then Enter. */
function scanWithHardwareScanner(code: string) {
  for (const key of [...code, 'Enter']) fireEvent.keyDown(document.body, { key });
}

const heading = () => screen.getByRole('heading', { level: 1 }).textContent;
const flush = () =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(0);
  });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('kiosk inactivity reset', () => {
  it('returns to the start screen after 60 s untouched, forgetting the person and their language', async () => {
    kiosk();
    fireEvent.click(screen.getByRole('button', { name: 'Deutsch' }));
    fireEvent.click(screen.getByRole('button', { name: /Gepäck einschließen/ }));
    await flush();
    expect(heading()).toBe('Fachgröße wählen');

    await act(() => vi.advanceTimersByTimeAsync(59_000));
    fireEvent.pointerDown(document.body); // someone is still there
    await act(() => vi.advanceTimersByTimeAsync(59_000));
    expect(heading()).toBe('Fachgröße wählen');

    await act(() => vi.advanceTimersByTimeAsync(1_500));
    expect(heading()).toBe('Welcome');
    expect(document.documentElement.lang).toBe('en');
  });

  it('keeps the help screen with the help line until the person leaves it, however long they wait', async () => {
    kiosk({
      SiteHelp: () => ({
        site: {
          __typename: 'Site',
          id: 'site-1',
          help: { __typename: 'SiteHelp', phone: '+49 30 1234567', hours: 'Daily 06:00-22:00' },
        },
      }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Help' }));
    await flush();
    expect(screen.getByTestId('help-phone')).toHaveTextContent('+49 30 1234567');
    expect(screen.getByTestId('help-hours')).toHaveTextContent('Daily 06:00-22:00');
    await act(() => vi.advanceTimersByTimeAsync(10 * 60_000));
    expect(heading()).toBe('Help');
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(heading()).toBe('Welcome');
  });

  it("low reach is one person's choice: on by the switch at the foot, off again for the next person", async () => {
    kiosk();
    const toggle = screen.getByRole('button', { name: 'Low reach: buttons lower' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    fireEvent.click(toggle);
    expect(document.querySelector('.kiosk')).toHaveClass('low-reach');
    expect(screen.getByText(/every button is in the lower half/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Low reach: buttons lower' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await act(() => vi.advanceTimersByTimeAsync(61_000));
    expect(document.querySelector('.kiosk')).not.toHaveClass('low-reach');
  });

  it("goes back to the start screen in the person's language, and back to English once they leave", async () => {
    kiosk();
    fireEvent.click(screen.getByRole('button', { name: 'Español' }));
    fireEvent.click(screen.getByRole('button', { name: /Guardar equipaje/ }));
    await flush();
    fireEvent.click(screen.getByRole('button', { name: 'Volver' }));
    expect(heading()).toBe('Bienvenido');
    await act(() => vi.advanceTimersByTimeAsync(61_000));
    expect(heading()).toBe('Welcome');
  });

  it('keeps the door screen for 75 s, then frees the kiosk (the session goes on); stored resets as usual', async () => {
    const s = session();
    const { api } = kiosk({
      ScanAccessCode: () => ({
        scanAccessCode: scanResult('UNLOCKING_FOR_DEPOSIT', { session: s, compartment: s.compartment }),
      }),
      SessionByAccessCode: () => ({ sessionByAccessCode: s }),
    });
    scanWithHardwareScanner('CODE-0123456789');
    await flush();
    expect(screen.getByText('A07')).toBeInTheDocument();
    expect(api.calls.find((c) => c.name === 'ScanAccessCode')?.variables).toMatchObject({
      payload: 'CODE-0123456789',
      intent: 'RETRIEVE',
    });
    expect(screen.getByRole('button', { name: 'My bag does not fit' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'The door did not open' })).toBeInTheDocument();

    await act(() => vi.advanceTimersByTimeAsync(70_000));
    expect(screen.getByText('A07')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(6_000));
    expect(heading()).toBe('Welcome');

    scanWithHardwareScanner('CODE-0123456789');
    await flush();
    act(() =>
      api.emit('SessionUpdated', {
        sessionUpdated: session({ status: 'STORED', dueAt: '2026-11-25T17:40:00.000Z' }),
      }),
    );
    await flush();
    expect(screen.getByText('Stored until 18:40')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(61_000));
    expect(heading()).toBe('Welcome');
  });

  it("takes the next person's scan while a door is still open", async () => {
    const first = session();
    const second = session({
      id: 'session-2',
      compartment: {
        __typename: 'Compartment',
        id: 'cmp-b02',
        label: 'B02',
        size: 'SMALL',
        doorState: 'CLOSED',
      },
    } as Partial<ReturnType<typeof session>>);
    const { api } = kiosk({
      ScanAccessCode: ({ payload }) => {
        const s = payload === 'CODE-FIRST-000001' ? first : second;
        return {
          scanAccessCode: scanResult('UNLOCKING_FOR_DEPOSIT', { session: s, compartment: s.compartment }),
        };
      },
      SessionByAccessCode: () => ({ sessionByAccessCode: null }),
    });
    scanWithHardwareScanner('CODE-FIRST-000001');
    await flush();
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
    await flush();
    expect(heading()).toBe('Door open');
    scanWithHardwareScanner('CODE-SECOND-00002');
    await flush();
    expect(screen.getByText('B02')).toBeInTheDocument();
  });
});

describe('kiosk scanning', () => {
  it('explains RATE_LIMITED in plain words', async () => {
    kiosk({
      ScanAccessCode: () => {
        throw apiError('RATE_LIMITED');
      },
    });
    scanWithHardwareScanner('CODE-0123456789');
    await flush();
    expect(screen.getByRole('alert')).toHaveTextContent('Too many attempts. Please wait a minute');
  });

  it('says the lockers are out of touch (LOCK_UNAVAILABLE), not that something went wrong', async () => {
    kiosk({
      ScanAccessCode: () => {
        throw apiError('LOCK_UNAVAILABLE');
      },
    });
    scanWithHardwareScanner('CODE-0123456789');
    await flush();
    expect(screen.getByRole('alert')).toHaveTextContent('The lockers cannot open right now');
    expect(screen.getByRole('alert')).toHaveTextContent('Your code stays valid');
  });

  it('asks for an ACCESS opening when "only open" is ticked, even with the box still focused', async () => {
    const { api } = kiosk({ ScanAccessCode: () => ({ scanAccessCode: scanResult('INVALID_CODE') }) });
    fireEvent.click(screen.getByRole('button', { name: /I have a code/ }));
    const box = screen.getByRole('checkbox', { name: 'Only open, keep storing' });
    fireEvent.click(box);
    box.focus();
    for (const key of [...'CODE-0123456789', 'Enter']) fireEvent.keyDown(box, { key });
    await flush();
    expect(api.calls.find((c) => c.name === 'ScanAccessCode')?.variables).toMatchObject({
      payload: 'CODE-0123456789',
      intent: 'ACCESS',
    });
  });

  it('ignores slow typing, which is a person and not a scanner', async () => {
    const { api } = kiosk({ ScanAccessCode: () => ({ scanAccessCode: scanResult('INVALID_CODE') }) });
    for (const key of [...'CODE-0123456789', 'Enter']) {
      fireEvent.keyDown(document.body, { key });
      await act(() => vi.advanceTimersByTimeAsync(200));
    }
    expect(api.calls.some((c) => c.name === 'ScanAccessCode')).toBe(false);
  });
});

describe('kiosk on-screen keyboard', () => {
  it('takes the short code from the ticket on the keypad, with no camera or scanner', async () => {
    const { api } = kiosk({ ScanAccessCode: () => ({ scanAccessCode: scanResult('INVALID_CODE') }) });
    fireEvent.click(screen.getByRole('button', { name: /I have a code/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Type the code instead' }));
    const field = screen.getByLabelText('Code from your ticket');
    fireEvent.focus(field);
    const keypad = screen.getByRole('group', { name: 'Keyboard for Code from your ticket' });
    expect(within(keypad).queryByRole('button', { name: 'O' })).toBeNull();
    const open = screen.getByRole('button', { name: 'Open my locker' });
    for (const key of [...'K7M2P9Q']) fireEvent.click(within(keypad).getByRole('button', { name: key }));
    expect(open).toBeDisabled();
    fireEvent.click(within(keypad).getByRole('button', { name: 'R' }));
    fireEvent.click(open);
    await flush();
    expect(api.calls.find((c) => c.name === 'ScanAccessCode')?.variables).toMatchObject({
      payload: 'K7M2-P9QR',
      intent: 'RETRIEVE',
    });
  });

  it('types into the focused field by touch, with no physical keyboard', () => {
    kiosk();
    fireEvent.click(screen.getByRole('button', { name: 'Help' }));
    fireEvent.click(screen.getByRole('button', { name: 'I lost my code' }));
    const email = screen.getByLabelText('Email');
    fireEvent.focus(email);
    const keyboard = screen.getByRole('group', { name: 'Keyboard for Email' });
    for (const key of ['a', 'n', 'a', '@', 'b', '.com'])
      fireEvent.click(within(keyboard).getByRole('button', { name: key }));
    expect(email).toHaveValue('ana@b.com');
    fireEvent.click(within(keyboard).getByRole('button', { name: 'Delete last character' }));
    expect(email).toHaveValue('ana@b.co');
    fireEvent.blur(email);
    expect(screen.queryByRole('group', { name: 'Keyboard for Email' })).not.toBeInTheDocument();
  });
});
