import { describe, expect, it } from 'vitest';
import { validateUser } from './user-validation';

describe('user validation', () => {
  it('accepts a good user and normalises the email', () => {
    expect(
      validateUser({
        email: ' Ana@Example.com ',
        password: 'correct-horse-1',
        repeat: 'correct-horse-1',
        role: 'VIEWER',
        sites: null,
      }),
    ).toEqual({
      ok: true,
      value: { email: 'ana@example.com', password: 'correct-horse-1', role: 'VIEWER' },
    });
  });

  it('refuses a bad email, a short password, a mismatch and no role', () => {
    const r = validateUser({ email: 'ana', password: 'short', repeat: '', role: '', sites: null });
    expect(!r.ok && Object.keys(r.errors).sort()).toEqual(['email', 'password', 'role']);
    const m = validateUser({
      email: 'a@b.co',
      password: 'long-enough-pass',
      repeat: 'long-enough-pasS',
      role: 'ADMIN',
      sites: null,
    });
    expect(!m.ok && m.errors.repeat).toMatch(/differ/);
  });

  it('limits an operator or viewer to chosen sites, never an admin', () => {
    const good = { email: 'a@b.co', password: 'long-enough-pass', repeat: 'long-enough-pass' };
    const op = validateUser({ ...good, role: 'OPERATOR', sites: ['s1'] });
    expect(op.ok && op.value.siteIds).toEqual(['s1']);
    const none = validateUser({ ...good, role: 'VIEWER', sites: [] });
    expect(!none.ok && none.errors.sites).toMatch(/at least one site/);
    const admin = validateUser({ ...good, role: 'ADMIN', sites: ['s1'] });
    expect(admin.ok && admin.value).not.toHaveProperty('siteIds');
  });
});
