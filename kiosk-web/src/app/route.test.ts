import { describe, expect, it } from 'vitest';
import { parseRoute } from './route';

describe('parseRoute', () => {
  it('opens a site phone page', () => {
    expect(parseRoute('/kiosk/phone/central-station', '')).toEqual({
      kind: 'phone',
      address: 'central-station',
    });
    expect(parseRoute('/kiosk/phone/central-station/', '')).toEqual({
      kind: 'phone',
      address: 'central-station',
    });
    const id = '0b7c5d1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e';
    expect(parseRoute(`/kiosk/phone/${id}`, '')).toEqual({ kind: 'phone', address: id });
  });
  it('opens the kiosk, with the set-up screen on ?setup', () => {
    expect(parseRoute('/kiosk/', '')).toEqual({ kind: 'kiosk', setup: false });
    expect(parseRoute('/kiosk/', '?setup')).toEqual({ kind: 'kiosk', setup: true });
  });
});
