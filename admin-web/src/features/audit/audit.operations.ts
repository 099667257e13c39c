import { graphql } from '../../api/generated';

export const AuditLogQuery = graphql(`
  query AuditLog(
    $siteId: ID
    $actor: String
    $action: String
    $from: DateTime
    $until: DateTime
    $after: ID
    $first: Int
  ) {
    auditLog(
      siteId: $siteId
      actor: $actor
      action: $action
      from: $from
      until: $until
      after: $after
      first: $first
    ) {
      id
      at
      siteId
      actorKind
      actorName
      action
      subjectType
      subjectId
      summary
      before
      after
    }
  }
`);
