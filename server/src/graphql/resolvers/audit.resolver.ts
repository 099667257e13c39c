import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { GqlContext } from '../context.js';
import { AuditActorKind, AuditEntryView, toAuditEntryView } from '../../modules/audit/audit.types.js';
import { DateTime } from '../../shared/common.types.js';
import { authorize, can } from '../../auth/authorize.js';
import { siteScope } from '../../auth/visibility.js';
import { parseOptionalId } from '../../shared/ids.js';

@Resolver(() => AuditEntryView)
export class AuditResolver {
  @Query(() => [AuditEntryView], {
    description:
      'ADMIN or OPERATOR: the audit log, newest first; OPERATOR sees the sites’ entries, ADMIN also changes to accounts',
  })
  async auditLog(
    @Ctx() { caller, services }: GqlContext,
    @Arg('siteId', () => ID, { nullable: true }) siteId?: string,
    @Arg('actorKind', () => AuditActorKind, { nullable: true }) actorKind?: AuditActorKind,
    @Arg('actor', () => String, { nullable: true, description: 'part of a name or e-mail' }) actor?: string,
    @Arg('action', () => String, { nullable: true, description: 'an action or its prefix, e.g. user.' })
    action?: string,
    @Arg('from', () => DateTime, { nullable: true }) from?: Date,
    @Arg('until', () => DateTime, { nullable: true }) until?: Date,
    @Arg('after', () => ID, { nullable: true, description: 'the last id of the previous page' })
    after?: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first = 50,
  ): Promise<AuditEntryView[]> {
    authorize(caller, 'audit:read');
    const site = parseOptionalId(siteId, 'siteId');
    const rows = await services.audit.search({
      siteIds: siteScope(caller, site),
      includeSiteless: !site && can(caller, 'users:write'),
      actorKind: actorKind ?? null,
      actor: actor?.trim() || null,
      action: action?.trim() || null,
      from: from ?? null,
      until: until ?? null,
      before: after ?? null,
      limit: first,
    });
    return rows.map(toAuditEntryView);
  }
}
