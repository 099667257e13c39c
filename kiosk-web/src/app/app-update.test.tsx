import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { fakeApi } from '../test/fake-api';
import { siteWithAvailability } from '../test/fixtures';
import { offerUpdate } from './app-update';
import { KioskShell } from './kiosk-app';

function kiosk() {
  const api = fakeApi({
    SiteAvailability: () => ({ site: siteWithAvailability() }),
    SessionByAccessCode: () => ({ sessionByAccessCode: null }),
  });
  render(<KioskShell client={api.client} siteId="site-1" idleSeconds={60} onSetup={vi.fn()} />);
}

const heading = () => screen.getByRole('heading', { level: 1 }).textContent;
const wait = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a new release of the kiosk app', () => {
  it('takes over on the start screen only after 30 s untouched', async () => {
    kiosk();
    const apply = vi.fn(() => Promise.resolve());
    act(() => offerUpdate(apply));
    await wait(29_000);
    fireEvent.pointerDown(document.body); // someone walks up and looks
    await wait(29_000);
    expect(apply).not.toHaveBeenCalled();
    await wait(1_500);
    expect(apply).toHaveBeenCalledTimes(1);
    await wait(120_000);
    expect(apply).toHaveBeenCalledTimes(1);
  });

  it("never takes over during someone's visit: it waits for the reset to the start screen", async () => {
    kiosk();
    fireEvent.click(screen.getByRole('button', { name: 'Deutsch' }));
    fireEvent.click(screen.getByRole('button', { name: /Gepäck einschließen/ }));
    const apply = vi.fn(() => Promise.resolve());
    act(() => offerUpdate(apply));
    await wait(59_000);
    expect(heading()).toBe('Fachgröße wählen');
    expect(apply).not.toHaveBeenCalled();
    await wait(2_000); // the inactivity reset: start screen in English
    expect(heading()).toBe('Welcome');
    expect(apply).not.toHaveBeenCalled();
    await wait(30_000);
    expect(apply).toHaveBeenCalledTimes(1);
  });
});
