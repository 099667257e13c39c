import { registerEnumType } from 'type-graphql';

export const COMPARTMENT_SIZES = ['SMALL', 'MEDIUM', 'LARGE', 'XLARGE'] as const;
export type CompartmentSize = (typeof COMPARTMENT_SIZES)[number];
export const CompartmentSize = Object.fromEntries(COMPARTMENT_SIZES.map((s) => [s, s])) as {
  [K in CompartmentSize]: K;
};
registerEnumType(CompartmentSize, { name: 'CompartmentSize' });

export type CompartmentStatus = 'AVAILABLE' | 'RESERVED' | 'OCCUPIED' | 'OUT_OF_SERVICE';
export const CompartmentStatus = {
  AVAILABLE: 'AVAILABLE',
  RESERVED: 'RESERVED',
  OCCUPIED: 'OCCUPIED',
  OUT_OF_SERVICE: 'OUT_OF_SERVICE',
} as const;
registerEnumType(CompartmentStatus, { name: 'CompartmentStatus' });

export type DoorState = 'OPEN' | 'CLOSED' | 'UNKNOWN';
export const DoorState = { OPEN: 'OPEN', CLOSED: 'CLOSED', UNKNOWN: 'UNKNOWN' } as const;
registerEnumType(DoorState, { name: 'DoorState' });
