import { graphql } from '../../api/generated';

export const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      user {
        id
        email
        role
        siteIds
      }
    }
  }
`);

export const MeQuery = graphql(`
  query Me {
    me {
      id
      email
      role
      siteIds
    }
  }
`);

export const SitesQuery = graphql(`
  query Sites {
    sites {
      id
      name
      timezone
      retiredAt
    }
  }
`);
