import { SizeDimensionsView, toSizeDimensionsViews } from './size-dimensions.js';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MaxLength, Min, Max, MinLength } from 'class-validator';
import {
  CompartmentSize,
  CompartmentStatus,
  DoorState,
  InspectionOutcome,
} from '../../entities/compartment.enums.js';
import type { CompartmentTransitionEntity } from '../../entities/compartment-transition.entity.js';
import { DateTime } from '../../shared/common.types.js';
import type { CompartmentEntity } from '../../entities/compartment.entity.js';
import type { LockerBankEntity } from '../../entities/locker-bank.entity.js';
import { storedProfile } from './board-profile.js';
import { BoardProfileView } from './board-profile.types.js';

@ObjectType('Compartment')
export class CompartmentView {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Printed on the door, unique in its site, e.g. "A07"' }) label!: string;
  @Field(() => CompartmentSize) size!: CompartmentSize;
  @Field(() => CompartmentStatus) status!: CompartmentStatus;
  @Field(() => DoorState) doorState!: DoorState;
  @Field(() => Int, { description: 'Grows with every change: a reconnecting client keeps the newest' })
  version!: number;
  @Field(() => String, { nullable: true, description: 'Why it is out of service (staff only)' })
  outOfServiceReason!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Why it needs an inspection before reuse (status NEEDS_INSPECTION; staff only)',
  })
  inspectionReason!: string | null;
  bankId!: string;
  siteId!: string;
  /** Relay addressing; shown to ADMINs through the `modbus` field. */
  address!: { unitId: number; coil: number; doorInput: number };
}

/** What a view is made of: an entity, or a row read with `COMPARTMENT_VIEW_COLUMNS`. */
export type CompartmentFields = Pick<
  CompartmentEntity,
  | 'id'
  | 'label'
  | 'size'
  | 'status'
  | 'doorState'
  | 'version'
  | 'outOfServiceReason'
  | 'inspectionReason'
  | 'bankId'
  | 'siteId'
  | 'unitId'
  | 'coil'
  | 'doorInput'
>;

export const toCompartmentView = (c: CompartmentFields): CompartmentView => ({
  id: c.id,
  label: c.label,
  size: c.size,
  status: c.status,
  doorState: c.doorState,
  version: c.version,
  outOfServiceReason: c.outOfServiceReason,
  inspectionReason: c.inspectionReason,
  bankId: c.bankId,
  siteId: c.siteId,
  address: { unitId: c.unitId, coil: c.coil, doorInput: c.doorInput },
});

/** `CompartmentFields` as select columns, for reads that skip the entity (`CompartmentService.viewsOfBanks`). */
export const COMPARTMENT_VIEW_COLUMNS = `id, label, size, status, door_state as "doorState", version,
  out_of_service_reason as "outOfServiceReason", inspection_reason as "inspectionReason",
  bank_id as "bankId", site_id as "siteId", unit_id as "unitId", coil, door_input as "doorInput"`;

@ObjectType('CompartmentInspection', { description: 'An inspection staff recorded' })
export class CompartmentInspectionView {
  @Field(() => InspectionOutcome) outcome!: InspectionOutcome;
  @Field(() => String, { nullable: true, description: 'Why it needed one, what was found, the note' }) note!:
    string | null;
  @Field(() => String, { description: 'Who recorded it' }) actor!: string;
  @Field(() => DateTime) at!: Date;
}

export const toInspectionView = (t: CompartmentTransitionEntity): CompartmentInspectionView => ({
  outcome: t.inspectionOutcome ?? 'EMPTY',
  note: t.reason,
  actor: t.actor,
  at: t.at,
});

@ObjectType('LockerBank')
export class LockerBankView {
  @Field(() => ID) id!: string;
  @Field(() => String) label!: string;
  @Field(() => String) modbusEndpoint!: string;
  @Field(() => BoardProfileView, { description: 'How its relay boards are driven' }) board!: BoardProfileView;
  @Field(() => DateTime, { nullable: true, description: 'Retired with its compartments' })
  retiredAt!: Date | null;
  @Field(() => [SizeDimensionsView], { description: 'The size guide: inside dimensions per size, in cm' })
  sizeDimensions!: SizeDimensionsView[];
  siteId!: string;
  gatewayId!: string | null;
}

export const toBankView = (b: LockerBankEntity): LockerBankView => ({
  id: b.id,
  label: b.label,
  modbusEndpoint: b.modbusEndpoint,
  board: storedProfile(b.boardProfile),
  retiredAt: b.retiredAt,
  sizeDimensions: toSizeDimensionsViews(b.sizeDimensions),
  siteId: b.siteId,
  gatewayId: b.gatewayId,
});

@ObjectType('ModbusAddress')
export class ModbusAddressView {
  @Field(() => String) endpoint!: string;
  @Field(() => Int) unitId!: number;
  @Field(() => Int) coil!: number;
  @Field(() => Int) doorInput!: number;
}

@InputType('CompartmentInput')
export class CompartmentInput {
  @Field(() => String) @MinLength(1) @MaxLength(20) label!: string;
  @Field(() => CompartmentSize) size!: CompartmentSize;
  @Field(() => Int) @Min(0) @Max(255) unitId!: number;
  @Field(() => Int) @Min(0) @Max(65535) coil!: number;
  @Field(() => Int) @Min(0) @Max(65535) doorInput!: number;
}
