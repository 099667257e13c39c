/** ServerApi over the real GraphQL API (HTTP for queries and mutations). */
import type { CommandResult, DoorReport, GatewaySetup, ServerApi } from './api.types.js';
import { postGraphQL } from './graphql-http.js';
import type { ServerEndpoints } from './server-endpoints.js';
import { ACK_COMMAND_MUTATION, GATEWAY_CONFIG_QUERY, REPORT_DOOR_STATES_MUTATION } from './operations.js';

/** The gateway's calls to the locker server. */
export class GraphQLServerApi implements ServerApi {
  constructor(
    private readonly graphqlUrl: string | ServerEndpoints,
    private readonly token: string,
  ) {}

  async fetchConfig(): Promise<GatewaySetup> {
    const data = await postGraphQL<{ gatewayConfig: GatewaySetup }>(this.graphqlUrl, this.token, GATEWAY_CONFIG_QUERY);
    return data.gatewayConfig;
  }

  async ackCommand(commandId: string, result: CommandResult, error: string | null): Promise<void> {
    await postGraphQL(this.graphqlUrl, this.token, ACK_COMMAND_MUTATION, { commandId, result, error });
  }

  async reportDoorStates(reports: DoorReport[]): Promise<void> {
    await postGraphQL(this.graphqlUrl, this.token, REPORT_DOOR_STATES_MUTATION, { reports });
  }
}
