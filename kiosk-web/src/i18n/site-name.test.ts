import { describe, expect, it } from 'vitest';
import { localSiteName } from './site-name';

describe('localSiteName', () => {
  const site = { name: 'Central Station', localNames: [{ language: 'de', name: 'Hauptbahnhof' }] };
  it('uses the name in the language, else the site name', () => {
    expect(localSiteName(site, 'de')).toBe('Hauptbahnhof');
    expect(localSiteName(site, 'fr')).toBe('Central Station');
    expect(localSiteName({ name: 'Central Station' }, 'de')).toBe('Central Station');
  });
});
