/** Inside dimensions of a size in cm, as the server gives them. */
export interface Inside {
  widthCm: number;
  heightCm: number;
  depthCm: number;
}

/**
 * Luggage travellers know by name, smallest first, with common outer measures in cm
 * (a cabin bag is the usual airline limit of 55 × 40 × 23).
 */
export const BAGS = [
  { kind: 'backpack', w: 45, h: 35, d: 20 },
  { kind: 'cabin', w: 55, h: 40, d: 23 },
  { kind: 'suitcase', w: 75, h: 50, d: 30 },
  { kind: 'largeSuitcase', w: 90, h: 60, d: 35 },
] as const;

export type Bag = (typeof BAGS)[number];

/** Whether a box fits inside, turned any way: each side, longest to shortest, within the space's. */
function fitsInside(bag: Bag, space: Inside): boolean {
  const b = [bag.w, bag.h, bag.d].sort((x, y) => y - x);
  const s = [space.widthCm, space.heightCm, space.depthCm].sort((x, y) => y - x);
  return b.every((side, i) => side <= s[i]!);
}

/** The largest known bag that fits the space, or null when none does. */
export function largestBagThatFits(space: Inside): Bag | null {
  return [...BAGS].reverse().find((bag) => fitsInside(bag, space)) ?? null;
}
