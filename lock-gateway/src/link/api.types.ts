/** The shapes of the gateway's side of the API (core.graphql), as the gateway reads them. */
import type { BoardProfile } from '../boards/board-profile.js';

export type DoorState = 'OPEN' | 'CLOSED' | 'UNKNOWN';
/** UNCERTAIN: the relay may have switched (a pulse begun before a crash, a write sent but not confirmed). */
export type CommandResult = 'SUCCEEDED' | 'FAILED' | 'UNCERTAIN';

/** ModbusAddress: where a compartment's lock and door sensor are wired. */
export interface ModbusAddress {
  endpoint: string;
  unitId: number;
  coil: number;
  doorInput: number;
}

/** GatewayCompartment. */
export interface GatewayCompartment {
  compartmentId: string;
  label: string;
  modbus: ModbusAddress;
  /** Its bank (whose board profile drives it); absent: the generic coil board. */
  bankId?: string;
}

/** GatewayBank: a bank with its relay-board profile. */
export interface GatewayBank {
  id: string;
  label: string;
  board: BoardProfile;
}

/** GatewayConfig (what the gateway uses of it). */
export interface GatewaySetup {
  gateway: { id: string; name: string };
  pulseMs: number;
  compartments: GatewayCompartment[];
  banks?: GatewayBank[];
}

/** GatewayCommand. */
export interface GatewayCommand {
  id: string;
  type: string;
  compartmentId: string;
  modbus: ModbusAddress;
  pulseMs: number;
  issuedAt: string;
  expiresAt: string;
}

/** DoorReport input. */
export interface DoorReport {
  compartmentId: string;
  state: DoorState;
  at: string;
}

/**
 * ControllerLink input: one controller's link as the door poller sees it. `since` is when
 * `up` last changed (for an up link: the first good read of an unbroken run of them);
 * `lastGoodReadAt` is sent only once every change read up to it has been delivered.
 */
export interface ControllerLink {
  endpoint: string;
  up: boolean;
  since: string;
  lastGoodReadAt: string | null;
  error: string | null;
}

/** What the gateway core needs from the server; the real one is GraphQL, tests may use another. */
export interface ServerApi {
  fetchConfig(): Promise<GatewaySetup>;
  ackCommand(commandId: string, result: CommandResult, error: string | null): Promise<void>;
  /** Door changes in reading order; `controllers`, when given, is the presence as of after them. */
  reportDoorStates(reports: DoorReport[], controllers?: ControllerLink[]): Promise<void>;
}
