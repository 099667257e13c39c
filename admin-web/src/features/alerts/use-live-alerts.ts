// A site's alerts: the query (again after every reconnect) plus alertRaised, and
// acknowledge. `onRaised` fires for alerts that arrive live (for the sound/visual cue).
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApolloClient, useMutation, useSubscription } from '@apollo/client/react';
import { useConnection } from '../../api/use-connection';
import { AcknowledgeAlertMutation, AlertRaisedSubscription, AlertsQuery } from './alerts.operations';
import { mergeAlerts, type AlertItem } from './alert-list';

/** Live alerts of a site; `openOnly` limits the initial query to unacknowledged ones. */
export function useLiveAlerts(
  siteId: string,
  { openOnly, onRaised }: { openOnly: boolean; onRaised?: (alert: AlertItem) => void },
): { alerts: AlertItem[]; acknowledge: (id: string) => Promise<void>; error: Error | null } {
  const client = useApolloClient();
  const { epoch } = useConnection();
  const [alerts, setAlerts] = useState<AlertItem[]>([]);
  const [error, setError] = useState<Error | null>(null);
  const [ack] = useMutation(AcknowledgeAlertMutation);
  // The latest callback without resubscribing when it changes.
  const onRaisedRef = useRef(onRaised);
  useEffect(() => {
    onRaisedRef.current = onRaised;
  }, [onRaised]);

  useSubscription(AlertRaisedSubscription, {
    variables: { siteId },
    fetchPolicy: 'no-cache',
    ignoreResults: true,
    onData: ({ data }) => {
      const a = data.data?.alertRaised;
      if (!a) return;
      setAlerts((cur) => mergeAlerts(cur, [a]));
      // a resolved one (a gateway back) is news for the list, not a cue
      if (!a.resolvedAt) onRaisedRef.current?.(a);
    },
  });

  useEffect(() => {
    let cancelled = false;
    client
      .query({
        query: AlertsQuery,
        variables: { siteId, open: openOnly ? true : null },
        fetchPolicy: 'network-only',
      })
      .then(({ data }) => {
        if (cancelled || !data) return;
        setError(null);
        setAlerts((cur) => mergeAlerts(cur, data.alerts));
      })
      .catch((err: unknown) => !cancelled && setError(err instanceof Error ? err : new Error(String(err))));
    return () => {
      cancelled = true;
    };
  }, [client, siteId, openOnly, epoch]);

  const acknowledge = useCallback(
    async (id: string) => {
      const { data } = await ack({ variables: { alertId: id } });
      const done = data?.acknowledgeAlert;
      if (done)
        setAlerts((cur) =>
          cur.map((a) => (a.id === done.id ? { ...a, acknowledgedAt: done.acknowledgedAt } : a)),
        );
    },
    [ack],
  );

  return { alerts, acknowledge, error };
}
