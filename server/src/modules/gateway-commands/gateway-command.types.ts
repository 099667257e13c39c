import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime } from '../../shared/common.types.js';
import { ModbusAddressView } from '../compartments/compartment.types.js';
import { GatewayView } from '../devices/device.types.js';
import { BoardProfileView } from '../compartments/board-profile.types.js';
import type { GatewayCommandEntity } from '../../entities/gateway-command.entity.js';

/** UNCERTAIN: the relay may have switched (a pulse begun before a gateway crash, a write sent but not confirmed). */
export type CommandResult = 'SUCCEEDED' | 'FAILED' | 'UNCERTAIN';
export const CommandResult = { SUCCEEDED: 'SUCCEEDED', FAILED: 'FAILED', UNCERTAIN: 'UNCERTAIN' } as const;
registerEnumType(CommandResult, {
  name: 'CommandResult',
  valuesConfig: { UNCERTAIN: { description: 'The lock may have been pulsed: the door readings settle it' } },
});

@ObjectType('GatewayCommand')
export class GatewayCommandView {
  @Field(() => ID, { description: 'Idempotency key: the gateway acts once per id' }) id!: string;
  @Field(() => String) type!: string;
  @Field(() => ID) compartmentId!: string;
  @Field(() => ModbusAddressView) modbus!: ModbusAddressView;
  @Field(() => Int) pulseMs!: number;
  @Field(() => DateTime) issuedAt!: Date;
  @Field(() => DateTime, { description: 'A command not executed by then must not be executed' })
  expiresAt!: Date;
}

export const toCommandView = (c: GatewayCommandEntity): GatewayCommandView => ({
  id: c.id,
  type: c.type,
  compartmentId: c.compartmentId,
  modbus: { endpoint: c.endpoint, unitId: c.unitId, coil: c.coil, doorInput: c.doorInput },
  pulseMs: c.pulseMs,
  issuedAt: c.issuedAt,
  expiresAt: c.expiresAt,
});

@ObjectType('GatewayCompartment')
export class GatewayCompartmentView {
  @Field(() => ID) compartmentId!: string;
  @Field(() => String) label!: string;
  @Field(() => ModbusAddressView) modbus!: ModbusAddressView;
  @Field(() => ID, { description: 'Its bank, whose board profile drives it' }) bankId!: string;
}

@ObjectType('GatewayBank')
export class GatewayBankView {
  @Field(() => ID) id!: string;
  @Field(() => String) label!: string;
  @Field(() => String) modbusEndpoint!: string;
  @Field(() => BoardProfileView) board!: BoardProfileView;
}

@ObjectType('GatewayConfig')
export class GatewayConfigView {
  @Field(() => GatewayView) gateway!: GatewayView;
  @Field(() => Int) pulseMs!: number;
  @Field(() => [GatewayCompartmentView]) compartments!: GatewayCompartmentView[];
  @Field(() => [GatewayBankView], { description: 'The banks it drives, with their board profiles' })
  banks!: GatewayBankView[];
}
