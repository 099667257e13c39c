import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { setOnline } from '../../api/connection';
import { KioskShell } from '../../app/kiosk-app';
import { fakeApi } from '../../test/fake-api';
import { siteWithAvailability } from '../../test/fixtures';

const SITE = 'http://192.168.1.20:8090';
const CODE = 'LS1:ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

interface Call {
  url: string;
  method: string;
  body: unknown;
}

/**
 * The gateway's site path as the kiosk sees it over HTTP: `status` answers GET /site/status,
 * `deposit` and `scan` the POSTs; every request is recorded. A `null` answer is a network failure.
 */
function fakeSite(answers: {
  status: () => unknown;
  deposit?: (body: unknown) => { status: number; body: unknown } | null;
  scan?: (body: unknown) => { status: number; body: unknown };
}) {
  const calls: Call[] = [];
  const fetchMock = vi.fn((input: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : null;
    calls.push({ url: input, method, body });
    const json = (status: number, payload: unknown) =>
      Promise.resolve(new Response(JSON.stringify(payload), { status }));
    if (input === `${SITE}/site/status`) return json(200, answers.status());
    if (input === `${SITE}/site/deposit` && answers.deposit) {
      const a = answers.deposit(body);
      return a ? json(a.status, a.body) : Promise.reject(new TypeError('fetch failed'));
    }
    if (input === `${SITE}/site/scan` && answers.scan) {
      const a = answers.scan(body);
      return json(a.status, a.body);
    }
    return Promise.reject(new TypeError(`unexpected ${method} ${input}`));
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, posts: (path: string) => calls.filter((c) => c.method === 'POST' && c.url.endsWith(path)) };
}

const status = (deposits: unknown, online = false) => ({
  online,
  pendingEvents: 2,
  replicaAsOf: '2026-12-06T08:00:00.000Z',
  storedBags: 4,
  deposits,
});
const openNow = {
  openFrom: '2026-12-06T09:00:00.000Z',
  sizes: [
    { size: 'MEDIUM', available: 0, includedMinutes: 240 },
    { size: 'SMALL', available: 3, includedMinutes: 240 },
  ],
};
const opened = {
  status: 200,
  body: {
    outcome: 'OPENED',
    compartmentLabel: 'A03',
    size: 'SMALL',
    code: CODE,
    includedMinutes: 240,
    dueAt: '2026-12-06T14:00:00.000Z',
    message: 'Locker A03 is open. Put your luggage in and close the door.',
  },
};

function kiosk(handlers: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({
    SiteAvailability: () => ({ site: siteWithAvailability() }),
    SessionByAccessCode: () => ({ sessionByAccessCode: null }),
    ...handlers,
  });
  render(<KioskShell client={api.client} siteId="site-1" idleSeconds={60} onSetup={vi.fn()} />);
  return api;
}

const heading = () => screen.getByRole('heading', { level: 1 }).textContent;
const flush = (ms = 0) => act(() => vi.advanceTimersByTimeAsync(ms));
const storeButton = () =>
  screen.getByRole('button', { name: /Store luggage|Gepäck einschließen|Guardar equipaje/ });

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-12-06T10:00:00.000Z') });
  localStorage.setItem('lockers.kiosk.sitePath', SITE);
  act(() => setOnline(false));
});
afterEach(() => {
  act(() => setOnline(true));
  vi.useRealTimers();
});

describe('storing luggage while the server is unreachable', () => {
  it('offers the free sizes the site reports, opens a locker and shows the code to keep', async () => {
    const site = fakeSite({ status: () => status(openNow), deposit: () => opened });
    kiosk();
    await flush();
    expect(storeButton()).toHaveTextContent('Offline: free sizes only');
    fireEvent.click(storeButton());
    expect(heading()).toBe('Store luggage while offline');
    expect(screen.getByText(/Sizes that are paid for wait until the lockers are back online/)).toBeVisible();

    const small = screen.getByRole('button', { name: /Small/ });
    expect(small).toHaveTextContent('Free of charge');
    expect(small).toHaveTextContent('3 free');
    expect(small).toHaveTextContent('4 hrs included');
    // A size the site has none of is shown as full and cannot be chosen.
    expect(screen.getByRole('button', { name: /Medium/ })).toBeDisabled();
    expect(screen.queryByRole('button', { name: /Large/ })).toBeNull();

    fireEvent.click(small);
    await flush();
    expect(site.posts('/site/deposit').map((c) => c.body)).toEqual([{ size: 'SMALL', language: 'en' }]);
    expect(heading()).toBe('Your code');
    expect(screen.getByTestId('site-deposit-opened')).toHaveTextContent(
      'Locker A03 is open. Put your luggage in and close the door.',
    );
    expect(screen.getByText('Keep this code: it opens your locker.')).toBeVisible();
    expect(screen.getByTestId('site-deposit-code')).toHaveTextContent(
      'LS1: ABCD EFGH JKLM NPQR STUV WXYZ 2345 6789',
    );
    expect(screen.getByTestId('site-deposit-locker')).toHaveTextContent('A03');
    expect(screen.getByTestId('site-deposit-due')).not.toBeEmptyDOMElement();
    await flush();
    const qr = screen.getByRole('img', { name: 'Your code' });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);

    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(heading()).toBe('Welcome');
  });

  it('says when storing opens, counts down, and offers the sizes once it is open', async () => {
    fakeSite({ status: () => status({ ...openNow, openFrom: '2026-12-06T10:01:00.000Z' }) });
    kiosk();
    await flush();
    fireEvent.click(storeButton());
    expect(screen.getByTestId('site-deposit-opens')).toHaveTextContent(
      /Storing opens in 1:00 \(at \d\d:01\)/,
    );
    expect(screen.queryByRole('button', { name: /Small/ })).toBeNull();
    await flush(30_000);
    expect(screen.getByTestId('site-deposit-opens')).toHaveTextContent('Storing opens in 0:30');

    fireEvent.pointerDown(document.body); // still there, waiting
    await flush(31_000);
    expect(screen.queryByTestId('site-deposit-opens')).toBeNull();
    expect(screen.getByRole('button', { name: /Small/ })).toBeEnabled();
  });

  it("shows every refusal in the traveller's language and reads what is free again", async () => {
    const site = fakeSite({
      status: () => status(openNow),
      deposit: () => ({
        status: 409,
        body: { error: { code: 'NO_COMPARTMENT_AVAILABLE', message: 'none' } },
      }),
    });
    kiosk();
    await flush();
    fireEvent.click(screen.getByRole('button', { name: 'Deutsch' }));
    fireEvent.click(storeButton());
    expect(heading()).toBe('Gepäck offline einschließen');
    const before = site.calls.filter((c) => c.url.endsWith('/site/status')).length;
    fireEvent.click(screen.getByRole('button', { name: /Klein/ }));
    await flush();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Gerade ist kein Fach dieser Größe frei. Wählen Sie eine andere Größe oder versuchen Sie es später.',
    );
    expect(site.calls.filter((c) => c.url.endsWith('/site/status')).length).toBeGreaterThan(before);
    expect(heading()).toBe('Gepäck offline einschließen');
  });

  it('says a lost answer may have opened a door, and never resends the deposit by itself', async () => {
    const site = fakeSite({ status: () => status(openNow), deposit: () => null });
    kiosk();
    await flush();
    fireEvent.click(screen.getByRole('button', { name: 'Español' }));
    fireEvent.click(storeButton());
    fireEvent.click(screen.getByRole('button', { name: /Pequeñ/ }));
    await flush(30_000);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Si se abrió una puerta, no meta su equipaje: pida ayuda al personal.',
    );
    expect(site.posts('/site/deposit')).toHaveLength(1);
  });

  it('says storing is not possible offline when the site takes no deposits, and offers no size', async () => {
    fakeSite({ status: () => status({ openFrom: null, sizes: openNow.sizes }) });
    kiosk();
    await flush();
    fireEvent.click(screen.getByRole('button', { name: 'Français' }));
    fireEvent.click(screen.getByRole('button', { name: /Déposer des bagages/ }));
    expect(screen.getByText(/Le dépôt n’est pas possible hors ligne pour le moment/)).toBeVisible();
    expect(screen.queryByRole('button', { name: /Petit/ })).toBeNull();
  });

  it('keeps the usual flow when the site itself still reaches the server, or the kiosk is online', async () => {
    const site = fakeSite({ status: () => status(openNow, true) });
    kiosk();
    await flush();
    expect(storeButton()).toHaveTextContent('Choose a size and get your code');
    fireEvent.click(storeButton());
    expect(heading()).toBe('Choose a locker size');
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));

    act(() => setOnline(true));
    const polled = site.calls.length;
    await flush(60_000);
    expect(site.calls.length).toBe(polled); // online: the site is not polled
  });

  it('sends the person the usual way once the server answers again', async () => {
    fakeSite({ status: () => status(openNow) });
    kiosk();
    await flush();
    fireEvent.click(storeButton());
    expect(screen.getByRole('button', { name: /Small/ })).toBeEnabled();
    act(() => setOnline(true));
    expect(screen.queryByRole('button', { name: /Small/ })).toBeNull();
    expect(screen.getByText(/The lockers are back online/)).toBeVisible();
    fireEvent.click(screen.getByRole('button', { name: 'Store luggage' }));
    expect(heading()).toBe('Choose a locker size');
  });

  it('collects a bag stored offline by scanning its code: it goes to the site path', async () => {
    const site = fakeSite({
      status: () => status(openNow),
      scan: () => ({ status: 200, body: { outcome: 'OPENED', compartmentLabel: 'A03', message: 'open' } }),
    });
    kiosk({
      ScanAccessCode: () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await flush();
    for (const key of [...CODE, 'Enter']) fireEvent.keyDown(document.body, { key });
    await flush();
    expect(site.posts('/site/scan').map((c) => c.body)).toEqual([{ code: CODE }]);
    expect(within(screen.getByTestId('site-answer')).getByText(/Locker A03 is open/)).toBeVisible();
  });

  it("shows the site's refusal of a scan in the traveller's language", async () => {
    fakeSite({
      status: () => status(openNow),
      scan: () => ({ status: 404, body: { error: { code: 'UNKNOWN_CODE', message: 'unknown' } } }),
    });
    kiosk({
      ScanAccessCode: () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await flush();
    fireEvent.click(screen.getByRole('button', { name: 'Français' }));
    for (const key of [...CODE, 'Enter']) fireEvent.keyDown(document.body, { key });
    await flush();
    expect(screen.getByTestId('site-answer')).toHaveTextContent('Ce code n’ouvre aucun casier ici.');
  });
});
