import { describe, expect, it } from 'vitest';
import { largestBagThatFits } from './size-guide';

describe('largestBagThatFits', () => {
  it('names the largest bag that fits, turned any way', () => {
    expect(largestBagThatFits({ widthCm: 40, heightCm: 60, depthCm: 45 })?.kind).toBe('cabin');
    expect(largestBagThatFits({ widthCm: 23, heightCm: 40, depthCm: 55 })?.kind).toBe('cabin');
    expect(largestBagThatFits({ widthCm: 50, heightCm: 80, depthCm: 35 })?.kind).toBe('suitcase');
    expect(largestBagThatFits({ widthCm: 40, heightCm: 50, depthCm: 22 })?.kind).toBe('backpack');
  });
  it('names none when even a backpack does not fit', () => {
    expect(largestBagThatFits({ widthCm: 30, heightCm: 30, depthCm: 30 })).toBeNull();
  });
});
