import { useQuery, useSubscription } from '@apollo/client/react';
import { CompartmentUpdatedDoc, SiteAvailabilityChangedDoc, SiteAvailabilityDoc } from '../../api/operations';
import { errorCode, type ApiErrorCode } from '../../api/errors';
import { type SiteInfo } from '../../api/types';

/**
 * The site with what is free per size, kept live: any compartment change at the site makes the
 * server recount (the app never counts compartments itself). The kiosk (`live`, device token)
 * refetches on its site's compartment feed; the phone page (no token) takes the public feed,
 * whose events carry the recounted availability and update the cached query in place.
 */
export function useAvailability(
  siteId: string,
  live = true,
): { site: SiteInfo | null; loading: boolean; failed: ApiErrorCode | null; retry: () => void } {
  // Read afresh when the picker opens: the header's copy of the same query (the site's name) may
  // be as old as the page, and nothing is offered on an answer older than this person's visit.
  const { data, loading, error, refetch } = useQuery(SiteAvailabilityDoc, {
    variables: { siteId },
    fetchPolicy: 'network-only',
  });
  useSubscription(CompartmentUpdatedDoc, {
    variables: { siteId },
    skip: !live,
    onData: () => {
      void refetch().catch(() => undefined);
    },
  });
  useSubscription(SiteAvailabilityChangedDoc, { variables: { siteId }, skip: live });
  const retry = () => {
    void refetch().catch(() => undefined);
  };
  // Without a fresh answer there is nothing to offer: the caller shows the failure and a retry.
  const failed = error ? errorCode(error) : !data?.site && !loading ? 'NOT_FOUND' : null;
  return { site: failed ? null : (data?.site ?? null), loading: loading && !data, failed, retry };
}
