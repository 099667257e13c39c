import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nProvider } from '../../i18n/i18n';
import { SetupScreen } from './setup-screen';

/** A server that knows one kiosk token, bound to site-9. */
function fakeServer() {
  return vi.fn((_url: string, init: RequestInit) => {
    const auth = new Headers(init.headers).get('authorization');
    const body = JSON.parse(init.body as string) as { query: string; variables: { siteId?: string } };
    const known = auth === 'Bearer good-token';
    let data: unknown = null;
    if (known && body.query.includes('KioskSites'))
      data = { sites: [{ id: 'site-9', name: 'Central', timezone: 'Europe/Berlin' }] };
    if (known && body.query.includes('SiteAvailability') && body.variables.siteId === 'site-9')
      data = { site: { id: 'site-9', name: 'Central', timezone: 'Europe/Berlin', availability: [] } };
    const payload = data
      ? { data }
      : {
          data: null,
          errors: [{ message: 'no', extensions: { code: known ? 'NOT_FOUND' : 'UNAUTHENTICATED' } }],
        };
    return Promise.resolve(
      new Response(JSON.stringify(payload), { headers: { 'content-type': 'application/json' } }),
    );
  });
}

function setup() {
  vi.stubGlobal('fetch', fakeServer());
  const onSaved = vi.fn();
  render(
    <I18nProvider>
      <SetupScreen current={null} onSaved={onSaved} />
    </I18nProvider>,
  );
  return { onSaved };
}

describe('SetupScreen', () => {
  it('finds the site from the token and saves token, site and idle time', async () => {
    const { onSaved } = setup();
    await userEvent.type(screen.getByLabelText('Kiosk device token'), 'good-token');
    await userEvent.click(screen.getByRole('button', { name: 'Find site from token' }));
    expect(await screen.findByDisplayValue('site-9')).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText('Return to start after (seconds)'));
    await userEvent.type(screen.getByLabelText('Return to start after (seconds)'), '90');
    await userEvent.click(screen.getByRole('button', { name: 'Save and start' }));
    await vi.waitFor(() =>
      expect(onSaved).toHaveBeenCalledWith({ token: 'good-token', siteId: 'site-9', idleSeconds: 90 }),
    );
  });

  it('refuses a token the server does not accept', async () => {
    const { onSaved } = setup();
    await userEvent.type(screen.getByLabelText('Kiosk device token'), 'bad-token');
    await userEvent.type(screen.getByLabelText('Site id'), 'site-9');
    await userEvent.click(screen.getByRole('button', { name: 'Save and start' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Token or site id rejected by the server.');
    expect(onSaved).not.toHaveBeenCalled();
  });
});
