import { graphql } from '../../api/generated';

// The site's help line for travellers: read and set apart from the other site settings.

export const SiteHelpQuery = graphql(`
  query SiteHelp($id: ID!) {
    site(id: $id) {
      id
      help {
        phone
        hours
      }
    }
  }
`);

export const SetSiteHelpMutation = graphql(`
  mutation SetSiteHelp($siteId: ID!, $phone: String, $hours: String) {
    setSiteHelp(siteId: $siteId, phone: $phone, hours: $hours) {
      id
      help {
        phone
        hours
      }
    }
  }
`);
