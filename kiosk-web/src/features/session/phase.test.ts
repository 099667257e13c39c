import { describe, expect, it } from 'vitest';
import { followPhase, isDoorBusy } from './phase';

describe('followPhase', () => {
  it('walks a deposit: unlocked, door open, closing, stored', () => {
    expect(followPhase({ status: 'DEPOSITING' }, 'CLOSED', false, 'deposit')).toBe('unlocking');
    expect(followPhase({ status: 'DEPOSITING' }, 'OPEN', true, 'deposit')).toBe('doorOpen');
    expect(followPhase({ status: 'DEPOSITING' }, 'CLOSED', true, 'deposit')).toBe('closing');
    expect(followPhase({ status: 'STORED' }, 'CLOSED', true, 'deposit')).toBe('stored');
  });

  it('walks a retrieval to thanks', () => {
    expect(followPhase({ status: 'RETRIEVING', intent: 'RETRIEVE' }, 'OPEN', true, 'retrieval')).toBe(
      'doorOpen',
    );
    expect(followPhase({ status: 'COMPLETED' }, 'CLOSED', true, 'retrieval')).toBe('thanks');
  });

  it('treats an ACCESS opening as under way until the session is back to plain STORED', () => {
    expect(followPhase({ status: 'STORED', intent: 'ACCESS' }, 'CLOSED', false, 'access')).toBe('unlocking');
    expect(followPhase({ status: 'STORED', intent: null }, 'CLOSED', true, 'access')).toBe('stored');
  });

  it('reports a door that was never opened', () => {
    expect(followPhase({ status: 'CREATED' }, 'CLOSED', false, 'deposit')).toBe('notOpened');
    expect(followPhase({ status: 'STORED', intent: null }, 'CLOSED', false, 'retrieval')).toBe('notOpened');
  });

  it('holds the kiosk only while a door is unlocked or open', () => {
    expect(isDoorBusy('unlocking')).toBe(true);
    expect(isDoorBusy('doorOpen')).toBe(true);
    expect(isDoorBusy('stored')).toBe(false);
    expect(isDoorBusy('thanks')).toBe(false);
  });
});
