import { useQuery, useSubscription } from '@apollo/client/react';
import { CompartmentUpdatedDoc, SiteAvailabilityDoc } from '../../api/operations';
import { type SiteInfo } from '../../api/types';

/**
 * The site with what is free per size, kept live: any compartment change at the site makes the
 * server recount (the app never counts compartments itself).
 */
export function useAvailability(
  siteId: string,
  live = true,
): { site: SiteInfo | null; loading: boolean; failed: boolean } {
  const { data, loading, error, refetch } = useQuery(SiteAvailabilityDoc, { variables: { siteId } });
  useSubscription(CompartmentUpdatedDoc, {
    variables: { siteId },
    skip: !live,
    onData: () => {
      void refetch().catch(() => undefined);
    },
  });
  return { site: data?.site ?? null, loading: loading && !data, failed: Boolean(error) && !data };
}
