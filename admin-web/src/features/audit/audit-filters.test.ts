import { describe, expect, test } from 'vitest';
import { auditFilterError, auditVariables, describeChange, NO_AUDIT_FILTERS } from './audit-filters';

describe('audit filters', () => {
  test('days are midnights in the site’s zone; "to" runs to the end of its day', () => {
    const v = auditVariables(
      { ...NO_AUDIT_FILTERS, from: '2026-12-01', to: '2026-12-01', actor: ' Ada ', action: 'User.' },
      'site-1',
      'Asia/Tokyo',
      25,
    );
    expect(v).toEqual({
      siteId: 'site-1',
      actor: 'Ada',
      action: 'user.',
      from: '2026-11-30T15:00:00.000Z',
      until: '2026-12-01T14:59:59.999Z',
      first: 25,
    });
  });

  test('all sites asks without a site', () => {
    expect(auditVariables({ ...NO_AUDIT_FILTERS, scope: 'all' }, 'site-1', 'UTC', 25).siteId).toBeNull();
  });

  test('a reversed range or a malformed action is refused before asking', () => {
    expect(auditFilterError({ ...NO_AUDIT_FILTERS, from: '2026-12-02', to: '2026-12-01' })).toMatch(/after/);
    expect(auditFilterError({ ...NO_AUDIT_FILTERS, action: 'user;drop' })).toMatch(/letters/);
    expect(auditFilterError(NO_AUDIT_FILTERS)).toBeNull();
  });

  test('changes read as before → after', () => {
    expect(describeChange('{"role":"OPERATOR"}', '{"role":"VIEWER"}')).toEqual(['role: OPERATOR → VIEWER']);
    expect(describeChange(null, '{"email":"a@b.c","name":null}')).toEqual(['email: a@b.c', 'name: none']);
    expect(describeChange('{"active":true}', null)).toEqual(['active: was true']);
    expect(describeChange(null, null)).toEqual([]);
  });
});
