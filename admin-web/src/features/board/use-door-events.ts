// The site's door events, newest first: recent ones from the query (again after every
// reconnect) plus the live stream, de-duplicated by id.
import { useEffect, useState } from 'react';
import { useApolloClient, useSubscription } from '@apollo/client/react';
import { useConnection } from '../../api/use-connection';
import type { DoorEventFieldsFragment } from '../../api/generated/graphql';
import { DoorEventsSubscription, RecentDoorEventsQuery } from './board.operations';

/** A door event as the stream shows it. */
export type DoorEventItem = DoorEventFieldsFragment;

const KEEP = 50;

/** Merges events by id, newest first, at most KEEP. Exported for tests. */
export function mergeEvents(
  current: readonly DoorEventItem[],
  incoming: readonly DoorEventItem[],
): DoorEventItem[] {
  const byId = new Map<string, DoorEventItem>();
  for (const e of [...incoming, ...current]) if (!byId.has(e.id)) byId.set(e.id, e);
  return [...byId.values()].sort((a, b) => b.at.localeCompare(a.at)).slice(0, KEEP);
}

/** Live door events for a site. */
export function useDoorEvents(siteId: string): DoorEventItem[] {
  const client = useApolloClient();
  const { epoch } = useConnection();
  const [events, setEvents] = useState<DoorEventItem[]>([]);

  useSubscription(DoorEventsSubscription, {
    variables: { siteId },
    fetchPolicy: 'no-cache',
    ignoreResults: true,
    onData: ({ data }) => {
      const e = data.data?.doorEvents;
      if (e) setEvents((cur) => mergeEvents(cur, [e]));
    },
  });

  useEffect(() => {
    let cancelled = false;
    client
      .query({ query: RecentDoorEventsQuery, variables: { siteId, first: 30 }, fetchPolicy: 'network-only' })
      .then(({ data }) => {
        if (!cancelled && data) setEvents((cur) => mergeEvents(cur, data.doorEvents.nodes));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [client, siteId, epoch]);

  return events;
}
