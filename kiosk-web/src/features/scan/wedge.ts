/**
 * Recognises a hardware barcode scanner that "types" like a keyboard: printable keys arriving
 * faster than a person types, ended by Enter. Pure (time is passed in) so it is easy to test.
 */
export class WedgeDetector {
  private buffer = '';
  private last = 0;

  /**
   * @param maxGapMs longest pause between two scanner keystrokes (people are much slower)
   * @param minLength shortest code worth sending (access codes are long)
   */
  constructor(
    private readonly maxGapMs = 60,
    private readonly minLength = 8,
  ) {}

  /** Feeds one key; returns the scanned text when this Enter ends a scan, else null. */
  push(key: string, at: number): string | null {
    if (this.buffer && at - this.last > this.maxGapMs) this.buffer = '';
    this.last = at;
    if (key === 'Enter') {
      const text = this.buffer;
      this.buffer = '';
      return text.length >= this.minLength ? text : null;
    }
    if (key.length === 1) this.buffer += key;
    return null;
  }

  /** True while keys look like an ongoing scan (used to keep Enter from pressing a button). */
  get scanning(): boolean {
    return this.buffer.length >= this.minLength;
  }
}
