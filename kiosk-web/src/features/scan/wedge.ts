/**
 * Recognises a hardware barcode scanner that "types" like a keyboard: printable keys arriving
 * faster than a person types, ended by Enter. Pure (time is passed in) so it is easy to test.
 *
 * The decision uses the median gap between keys, not every gap: a browser that stalls for a
 * moment mid-scan (rendering, garbage collection) must not cut the code in two, while a person
 * typing is slow on most keys, not just one.
 */
export class WedgeDetector {
  private buffer = '';
  private gaps: number[] = [];
  private last = 0;

  /**
   * @param fastGapMs median pause between scanner keystrokes at most (people are much slower)
   * @param resetAfterMs a pause this long starts a new code (stray keys do not prefix the next scan)
   * @param minLength shortest code worth sending (access codes are long)
   */
  constructor(
    private readonly fastGapMs = 50,
    private readonly resetAfterMs = 500,
    private readonly minLength = 8,
  ) {}

  /** Feeds one key; returns the scanned text when this Enter ends a scan, else null. */
  push(key: string, at: number): string | null {
    const gap = at - this.last;
    this.last = at;
    if (this.buffer && gap > this.resetAfterMs) this.clear();
    if (key === 'Enter') {
      const text = this.buffer;
      const fast = this.scanning;
      this.clear();
      return fast ? text : null;
    }
    if (key.length !== 1) return null; // Shift and other named keys
    if (this.buffer) this.gaps.push(gap);
    this.buffer += key;
    return null;
  }

  /** True while keys look like an ongoing scan (used to keep Enter from pressing a button). */
  get scanning(): boolean {
    if (this.buffer.length < this.minLength) return false;
    const sorted = [...this.gaps].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? Number.POSITIVE_INFINITY;
    return median <= this.fastGapMs;
  }

  private clear(): void {
    this.buffer = '';
    this.gaps = [];
  }
}
