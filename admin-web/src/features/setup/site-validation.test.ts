import { describe, expect, it } from 'vitest';
import { validateSite } from './site-validation';

describe('validateSite: the phone page address', () => {
  const base = { name: 'Central', timezone: 'Europe/Berlin' };
  it('sends a valid address lower-cased and trimmed, and none when left empty', () => {
    expect(validateSite({ ...base, slug: ' Central-Station ' })).toMatchObject({
      ok: true,
      value: { slug: 'central-station' },
    });
    const empty = validateSite({ ...base, slug: '' });
    expect(empty.ok && 'slug' in empty.value).toBe(false);
  });
  it.each(['ab', 'two--hyphens', '-edge', 'has space', 'umlaut-ü', 'x'.repeat(41)])('refuses %j', (slug) => {
    const r = validateSite({ ...base, slug });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.slug).toMatch(/a-z, 0-9/);
  });
});
