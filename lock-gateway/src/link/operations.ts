/**
 * The gateway's GraphQL operations. A test validates them against the contract
 * (../shared/contract/core.graphql) and the server's emitted schema (server/schema.graphql)
 * so a schema change that breaks them fails the build, not the site.
 */

import { BOARD_PROFILE_FIELDS } from '../boards/board-profile.js';

const MODBUS = 'modbus { endpoint unitId coil doorInput }';

export const GATEWAY_CONFIG_QUERY = /* GraphQL */ `
  query GatewayConfig {
    gatewayConfig {
      gateway { id name }
      pulseMs
      compartments { compartmentId label bankId ${MODBUS} }
      banks { id label board { ${BOARD_PROFILE_FIELDS} } }
    }
  }
`;

export const GATEWAY_COMMANDS_SUBSCRIPTION = /* GraphQL */ `
  subscription GatewayCommands {
    gatewayCommands { id type compartmentId pulseMs issuedAt expiresAt ${MODBUS} }
  }
`;

export const ACK_COMMAND_MUTATION = /* GraphQL */ `
  mutation AckGatewayCommand($commandId: ID!, $result: CommandResult!, $error: String) {
    ackGatewayCommand(commandId: $commandId, result: $result, error: $error)
  }
`;

export const REPORT_DOOR_STATES_MUTATION = /* GraphQL */ `
  mutation ReportDoorStates($reports: [DoorReport!]!) {
    reportDoorStates(reports: $reports)
  }
`;

/** The same with the controllers' links (presence): an argument the server adds to the contract. */
export const REPORT_DOOR_STATES_WITH_PRESENCE_MUTATION = /* GraphQL */ `
  mutation ReportDoorStatesWithPresence($reports: [DoorReport!]!, $controllers: [ControllerLinkInput!]) {
    reportDoorStates(reports: $reports, controllers: $controllers)
  }
`;

/** Every operation, by name (for the schema validation test). */
export const GATEWAY_OPERATIONS = {
  GatewayConfig: GATEWAY_CONFIG_QUERY,
  GatewayCommands: GATEWAY_COMMANDS_SUBSCRIPTION,
  AckGatewayCommand: ACK_COMMAND_MUTATION,
  ReportDoorStates: REPORT_DOOR_STATES_MUTATION,
} as const;

/** Operations that use what the server adds around the contract (validated against its schema only). */
export const GATEWAY_SERVER_OPERATIONS = {
  ReportDoorStatesWithPresence: REPORT_DOOR_STATES_WITH_PRESENCE_MUTATION,
} as const;
