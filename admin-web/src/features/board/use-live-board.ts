// The live board's data: a snapshot on mount and on every (re)connect, compartment events
// merged by version (see reconcile.ts), and gateway presence from gatewayUpdated. Nothing
// polls: whatever was missed while the socket was down comes with the reconnect snapshot.
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useApolloClient, useSubscription } from '@apollo/client/react';
import { useConnection } from '../../api/use-connection';
import type { BoardCompartmentFragment, BoardSnapshotQuery } from '../../api/generated/graphql';
import {
  BoardSnapshotQuery as SnapshotDoc,
  CompartmentUpdatedSubscription,
  GatewayUpdatedSubscription,
} from './board.operations';
import { boardReducer, emptyBoard, type BoardState } from './reconcile';

/** A compartment as the board shows it. */
export type BoardCompartment = BoardCompartmentFragment;
/** The site part of the snapshot: banks, gateways, time zone. */
export type BoardSite = NonNullable<BoardSnapshotQuery['site']>;

type BoardGateway = BoardSite['gateways'][number];

/** `gateways` with `g` replaced (or added: a gateway registered while the board is open). */
export function mergeGateway(gateways: readonly BoardGateway[], g: BoardGateway): BoardGateway[] {
  return gateways.some((x) => x.id === g.id)
    ? gateways.map((x) => (x.id === g.id ? g : x))
    : [...gateways, g];
}

/** Live compartments of a site plus the site's banks and gateways. */
export function useLiveBoard(siteId: string): {
  board: BoardState<BoardCompartment>;
  site: BoardSite | null;
  error: Error | null;
  refresh: () => Promise<void>;
} {
  const client = useApolloClient();
  const { epoch } = useConnection();
  const [board, dispatch] = useReducer(
    boardReducer<BoardCompartment>,
    undefined,
    emptyBoard<BoardCompartment>,
  );
  const [site, setSite] = useState<BoardSite | null>(null);
  const [error, setError] = useState<Error | null>(null);

  useSubscription(CompartmentUpdatedSubscription, {
    variables: { siteId },
    fetchPolicy: 'no-cache',
    ignoreResults: true,
    onData: ({ data }) => {
      const c = data.data?.compartmentUpdated;
      if (c) dispatch({ type: 'update', compartment: c });
    },
  });

  useSubscription(GatewayUpdatedSubscription, {
    variables: { siteId },
    fetchPolicy: 'no-cache',
    ignoreResults: true,
    onData: ({ data }) => {
      const g = data.data?.gatewayUpdated;
      if (g) setSite((s) => (s ? { ...s, gateways: mergeGateway(s.gateways, g) } : s));
      // The server announces a gateway when it comes or goes or a controller's link changes:
      // read the banks' controllers again.
      if (g) void refreshRef.current();
    },
  });

  const refresh = useCallback(async () => {
    try {
      const { data } = await client.query({
        query: SnapshotDoc,
        variables: { siteId },
        fetchPolicy: 'network-only',
      });
      const s = data?.site;
      if (!s) throw new Error('Site not found');
      setSite(s);
      setError(null);
      dispatch({ type: 'snapshot', compartments: s.banks.flatMap((b) => b.compartments) });
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    }
  }, [client, siteId]);

  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;

  // epoch changes on every (re)connect: events sent while we were away are lost, so take
  // a new snapshot; the reducer keeps whichever copy of each compartment is newer.
  useEffect(() => {
    void refresh();
  }, [refresh, epoch]);

  return { board, site, error, refresh };
}
