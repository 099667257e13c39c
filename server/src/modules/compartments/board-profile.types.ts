import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { BoardProfileData } from './board-profile.js';

export const PulseKind = { COIL: 'COIL', TIMED: 'TIMED' } as const;
registerEnumType(PulseKind, {
  name: 'PulseKind',
  description: 'COIL: on/off timed by the gateway; TIMED: one write, the board times the pulse',
});
export const DoorSource = { DISCRETE_INPUTS: 'DISCRETE_INPUTS', INPUT_REGISTERS: 'INPUT_REGISTERS' } as const;
registerEnumType(DoorSource, {
  name: 'DoorSource',
  description: 'FC2 discrete inputs or FC4 input registers',
});
export const InputLevel = { HIGH: 'HIGH', LOW: 'LOW' } as const;
registerEnumType(InputLevel, {
  name: 'InputLevel',
  description: 'HIGH: 1 = open (normally-open sensor); LOW: 0 = open (normally-closed sensor)',
});

@ObjectType('BoardProfile', { description: "How a bank's relay boards are driven" })
export class BoardProfileView {
  @Field(() => String, { description: 'The preset it came from, or "custom"' }) preset!: string;
  @Field(() => PulseKind) pulse!: BoardProfileData['pulse'];
  @Field(() => Int, { nullable: true, description: 'TIMED: 6 or 16' }) timedFunction!: number | null;
  @Field(() => Int, { nullable: true, description: "TIMED: register of relay 0's timed pulse" })
  timedAddress!: number | null;
  @Field(() => Int, { nullable: true, description: 'TIMED: ms per unit of the written value (1, 100...)' })
  timedUnitMs!: number | null;
  @Field(() => Int, { nullable: true, description: 'TIMED: added to the count (a command in the high byte)' })
  timedValueBase!: number | null;
  @Field(() => DoorSource) doorSource!: BoardProfileData['doorSource'];
  @Field(() => InputLevel) doorOpenWhen!: BoardProfileData['doorOpenWhen'];
  @Field(() => [Int], { description: 'Door inputs wired the other way round' }) invertedInputs!: number[];
  @Field(() => Int, { description: 'Added to a coil number for its wire address' }) coilOffset!: number;
  @Field(() => Int, { description: 'Added to a door input for its wire address' }) inputOffset!: number;
  @Field(() => Int, { description: 'No relay stays on longer (the solenoid limit)' }) maxOnMs!: number;
}

@InputType('BoardProfileInput', { description: 'A preset, and any field that differs from it' })
export class BoardProfileInput {
  @Field(() => String, { nullable: true }) preset?: string | null;
  @Field(() => PulseKind, { nullable: true }) pulse?: BoardProfileData['pulse'];
  @Field(() => Int, { nullable: true }) timedFunction?: number;
  @Field(() => Int, { nullable: true }) timedAddress?: number;
  @Field(() => Int, { nullable: true }) timedUnitMs?: number;
  @Field(() => Int, { nullable: true }) timedValueBase?: number;
  @Field(() => DoorSource, { nullable: true }) doorSource?: BoardProfileData['doorSource'];
  @Field(() => InputLevel, { nullable: true }) doorOpenWhen?: BoardProfileData['doorOpenWhen'];
  @Field(() => [Int], { nullable: true }) invertedInputs?: number[];
  @Field(() => Int, { nullable: true }) coilOffset?: number;
  @Field(() => Int, { nullable: true }) inputOffset?: number;
  @Field(() => Int, { nullable: true }) maxOnMs?: number;
}
