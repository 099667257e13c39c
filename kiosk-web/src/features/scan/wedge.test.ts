import { describe, expect, it } from 'vitest';
import { WedgeDetector } from './wedge';

const feed = (d: WedgeDetector, text: string, start: number, gap: number) => {
  let t = start;
  let out: string | null = null;
  for (const key of [...text, 'Enter']) {
    out = d.push(key, t) ?? out;
    t += gap;
  }
  return out;
};

describe('WedgeDetector', () => {
  it('returns what a scanner typed when Enter ends a fast burst', () => {
    expect(feed(new WedgeDetector(), 'Zk3-payload_01', 0, 5)).toBe('Zk3-payload_01');
  });
  it('ignores a person typing slowly', () => {
    expect(feed(new WedgeDetector(), 'Zk3-payload_01', 0, 150)).toBeNull();
  });
  it('ignores short bursts and modifier key names', () => {
    const d = new WedgeDetector();
    expect(feed(d, 'abc', 0, 5)).toBeNull();
    expect(d.push('Shift', 100)).toBeNull();
  });
  it('keeps a scan whole when the browser stalls once in the middle', () => {
    const d = new WedgeDetector();
    let t = 0;
    let out: string | null = null;
    for (const [i, key] of [...'LK1:ABCDEFGHIJKLMNOP', 'Enter'].entries()) {
      t += i === 9 ? 300 : 4;
      out = d.push(key, t) ?? out;
    }
    expect(out).toBe('LK1:ABCDEFGHIJKLMNOP');
  });
  it('starts afresh after a pause, so stray keys do not prefix the code', () => {
    const d = new WedgeDetector();
    d.push('x', 0);
    expect(feed(d, 'CODE-12345678', 1000, 5)).toBe('CODE-12345678');
  });
});
