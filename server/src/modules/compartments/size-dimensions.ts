import { Field, Int, ObjectType } from 'type-graphql';
import { CompartmentSize, COMPARTMENT_SIZES } from '../../entities/compartment.enums.js';
import { badInput } from '../../errors/domain-error.js';

/** Inside dimensions in whole centimetres, as stored per size on a bank (`locker_bank.size_dimensions`). */
export interface Dimensions {
  w: number;
  h: number;
  d: number;
}

export type SizeDimensionsData = Partial<Record<CompartmentSize, Dimensions>>;

/** Bounds of a plausible luggage compartment, in cm: a typo (550 for 55) is refused, not shown to travellers. */
export const DIMENSION_MIN_CM = 5;
export const DIMENSION_MAX_CM = 300;

@ObjectType('SizeDimensions', { simpleResolvers: true, description: 'Inside dimensions of a size, in cm' })
export class SizeDimensionsView {
  @Field(() => CompartmentSize) size!: CompartmentSize;
  @Field(() => Int) widthCm!: number;
  @Field(() => Int) heightCm!: number;
  @Field(() => Int) depthCm!: number;
}

/** Checks what an admin entered: all three given (set) or none (clear). */
export function checkDimensions(input: {
  widthCm?: number | null;
  heightCm?: number | null;
  depthCm?: number | null;
}): Dimensions | null {
  const given = [input.widthCm, input.heightCm, input.depthCm].filter((v) => v != null);
  if (given.length === 0) return null;
  const out: Partial<Dimensions> = {};
  for (const [field, key] of [
    ['widthCm', 'w'],
    ['heightCm', 'h'],
    ['depthCm', 'd'],
  ] as const) {
    const v = input[field];
    if (v == null) throw badInput(field, 'give width, height and depth together, or none to clear');
    if (!Number.isInteger(v) || v < DIMENSION_MIN_CM || v > DIMENSION_MAX_CM)
      throw badInput(
        field,
        `${field} must be a whole number of centimetres, ${DIMENSION_MIN_CM} to ${DIMENSION_MAX_CM}`,
      );
    out[key] = v;
  }
  return out as Dimensions;
}

/** A bank's stored dimensions as GraphQL rows, in size order; anything malformed in the column is skipped. */
export function toSizeDimensionsViews(data: unknown): SizeDimensionsView[] {
  const stored = (data ?? {}) as Record<string, Partial<Dimensions> | undefined>;
  return COMPARTMENT_SIZES.flatMap((size) => {
    const d = stored[size];
    return d && typeof d.w === 'number' && typeof d.h === 'number' && typeof d.d === 'number'
      ? [{ size, widthCm: d.w, heightCm: d.h, depthCm: d.d }]
      : [];
  });
}
