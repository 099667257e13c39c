import { useQuery } from '@apollo/client/react';
import { SiteAvailabilityDoc } from '../../api/operations';
import { useSiteName } from '../../i18n/site-name';

/** The kiosk's site, named in the traveller's language (the same query the size picker makes, from the cache). */
export function SiteNameLabel({ siteId }: { siteId: string }) {
  const { data } = useQuery(SiteAvailabilityDoc, { variables: { siteId } });
  const name = useSiteName(data?.site);
  return name ? (
    <p className="site-name" data-testid="site-name">
      {name}
    </p>
  ) : null;
}
