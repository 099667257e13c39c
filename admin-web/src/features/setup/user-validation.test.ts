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
      }),
    ).toEqual({
      ok: true,
      value: { email: 'ana@example.com', password: 'correct-horse-1', role: 'VIEWER' },
    });
  });

  it('refuses a bad email, a short password, a mismatch and no role', () => {
    const r = validateUser({ email: 'ana', password: 'short', repeat: '', role: '' });
    expect(!r.ok && Object.keys(r.errors).sort()).toEqual(['email', 'password', 'role']);
    const m = validateUser({
      email: 'a@b.co',
      password: 'long-enough-pass',
      repeat: 'long-enough-pasS',
      role: 'ADMIN',
    });
    expect(!m.ok && m.errors.repeat).toMatch(/differ/);
  });
});
