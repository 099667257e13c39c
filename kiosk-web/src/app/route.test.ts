import { describe, expect, it } from 'vitest';
import { parseRoute } from './route';

describe('parseRoute', () => {
  it('opens a site phone page', () => {
    expect(parseRoute('/kiosk/phone/site-42', '')).toEqual({ kind: 'phone', siteId: 'site-42' });
    expect(parseRoute('/kiosk/phone/site-42/', '')).toEqual({ kind: 'phone', siteId: 'site-42' });
  });
  it('opens the kiosk, with the set-up screen on ?setup', () => {
    expect(parseRoute('/kiosk/', '')).toEqual({ kind: 'kiosk', setup: false });
    expect(parseRoute('/kiosk/', '?setup')).toEqual({ kind: 'kiosk', setup: true });
  });
});
