import { useQuery } from '@apollo/client/react';
import { SiteAvailabilityDoc } from '../../api/operations';
import { PhoneLink } from './phone-link';

/** The kiosk's own site's phone page as a QR code; nothing until the site (and its address) has loaded. */
export function SitePhoneLink({ siteId }: { siteId: string }) {
  // The same query the size picker makes: one request, shared through the cache.
  const { data } = useQuery(SiteAvailabilityDoc, { variables: { siteId } });
  const slug = data?.site?.slug;
  return slug ? <PhoneLink slug={slug} url={data?.site?.phoneUrl} /> : null;
}
