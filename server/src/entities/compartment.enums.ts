import { registerEnumType } from 'type-graphql';

export const COMPARTMENT_SIZES = ['SMALL', 'MEDIUM', 'LARGE', 'XLARGE'] as const;
export type CompartmentSize = (typeof COMPARTMENT_SIZES)[number];
export const CompartmentSize = Object.fromEntries(COMPARTMENT_SIZES.map((s) => [s, s])) as {
  [K in CompartmentSize]: K;
};
registerEnumType(CompartmentSize, { name: 'CompartmentSize' });

export type CompartmentStatus =
  'AVAILABLE' | 'RESERVED' | 'OCCUPIED' | 'OUT_OF_SERVICE' | 'NEEDS_INSPECTION' | 'RETIRED';
export const CompartmentStatus = {
  AVAILABLE: 'AVAILABLE',
  RESERVED: 'RESERVED',
  OCCUPIED: 'OCCUPIED',
  OUT_OF_SERVICE: 'OUT_OF_SERVICE',
  NEEDS_INSPECTION: 'NEEDS_INSPECTION',
  RETIRED: 'RETIRED',
} as const;
registerEnumType(CompartmentStatus, {
  name: 'CompartmentStatus',
  valuesConfig: {
    NEEDS_INSPECTION: { description: 'Contents in doubt: never allocated until staff record an inspection' },
    RETIRED: {
      description: 'Taken out of use for good (itself, its bank or its site retired): never allocated',
    },
  },
});

/** What staff found when they looked into a compartment that needed inspection. */
export type InspectionOutcome = 'EMPTY' | 'ITEM_FOUND' | 'OUT_OF_SERVICE';
export const InspectionOutcome = {
  EMPTY: 'EMPTY',
  ITEM_FOUND: 'ITEM_FOUND',
  OUT_OF_SERVICE: 'OUT_OF_SERVICE',
} as const;
registerEnumType(InspectionOutcome, {
  name: 'InspectionOutcome',
  valuesConfig: {
    EMPTY: { description: 'Nothing inside: back in service' },
    ITEM_FOUND: {
      description: 'Something was inside and has been taken out (note says where it went): back in service',
    },
    OUT_OF_SERVICE: { description: 'Damaged or not working: out of service' },
  },
});

export type DoorState = 'OPEN' | 'CLOSED' | 'UNKNOWN';
export const DoorState = { OPEN: 'OPEN', CLOSED: 'CLOSED', UNKNOWN: 'UNKNOWN' } as const;
registerEnumType(DoorState, { name: 'DoorState' });
