import { registerEnumType } from 'type-graphql';
export const COMPARTMENT_SIZES = ['SMALL', 'MEDIUM', 'LARGE', 'XLARGE'];
export const CompartmentSize = Object.fromEntries(COMPARTMENT_SIZES.map((s) => [s, s]));
registerEnumType(CompartmentSize, { name: 'CompartmentSize' });
export const CompartmentStatus = {
    AVAILABLE: 'AVAILABLE',
    RESERVED: 'RESERVED',
    OCCUPIED: 'OCCUPIED',
    OUT_OF_SERVICE: 'OUT_OF_SERVICE',
};
registerEnumType(CompartmentStatus, { name: 'CompartmentStatus' });
export const DoorState = { OPEN: 'OPEN', CLOSED: 'CLOSED', UNKNOWN: 'UNKNOWN' };
registerEnumType(DoorState, { name: 'DoorState' });
//# sourceMappingURL=compartment.enums.js.map