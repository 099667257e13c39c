import { describe, expect, it } from 'vitest';
import { loadKioskConfig, saveKioskConfig } from './kiosk-config';

describe('kiosk config', () => {
  it('keeps the token, site and idle time across restarts', () => {
    saveKioskConfig({ token: 'tok', siteId: 'site-1', idleSeconds: 90 });
    expect(loadKioskConfig()).toEqual({ token: 'tok', siteId: 'site-1', idleSeconds: 90 });
  });
  it('treats a damaged or partial value as not set up', () => {
    localStorage.setItem('lockers.kiosk.config', '{oops');
    expect(loadKioskConfig()).toBeNull();
    localStorage.setItem('lockers.kiosk.config', JSON.stringify({ token: 'tok' }));
    expect(loadKioskConfig()).toBeNull();
  });
  it('falls back to 60 s for a missing or silly idle time', () => {
    localStorage.setItem(
      'lockers.kiosk.config',
      JSON.stringify({ token: 'tok', siteId: 's', idleSeconds: 1 }),
    );
    expect(loadKioskConfig()?.idleSeconds).toBe(60);
  });
});
