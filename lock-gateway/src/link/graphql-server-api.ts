/** ServerApi over the real GraphQL API (HTTP for queries and mutations). */
import { profileFromWire, type BoardProfileWire } from '../boards/board-profile.js';
import type { CommandResult, ControllerLink, DoorReport, GatewaySetup, ServerApi } from './api.types.js';
import { postGraphQL } from './graphql-http.js';
import type { ServerEndpoints } from './server-endpoints.js';
import {
  ACK_COMMAND_MUTATION,
  GATEWAY_CONFIG_QUERY,
  REPORT_DOOR_STATES_WITH_PRESENCE_MUTATION,
} from './operations.js';

/** The gateway's calls to the locker server. */
export class GraphQLServerApi implements ServerApi {
  constructor(
    private readonly graphqlUrl: string | ServerEndpoints,
    private readonly token: string,
  ) {}

  async fetchConfig(): Promise<GatewaySetup> {
    type Wire = Omit<GatewaySetup, 'banks'> & {
      banks: Array<{ id: string; label: string; board: BoardProfileWire }>;
    };
    const { gatewayConfig } = await postGraphQL<{ gatewayConfig: Wire }>(
      this.graphqlUrl,
      this.token,
      GATEWAY_CONFIG_QUERY,
    );
    return {
      ...gatewayConfig,
      banks: gatewayConfig.banks.map((b) => ({ ...b, board: profileFromWire(b.board) })),
    };
  }

  async ackCommand(commandId: string, result: CommandResult, error: string | null): Promise<void> {
    await postGraphQL(this.graphqlUrl, this.token, ACK_COMMAND_MUTATION, { commandId, result, error });
  }

  async reportDoorStates(reports: DoorReport[], controllers?: ControllerLink[]): Promise<void> {
    await postGraphQL(this.graphqlUrl, this.token, REPORT_DOOR_STATES_WITH_PRESENCE_MUTATION, {
      reports,
      controllers: controllers ?? null,
    });
  }
}
