// What each role is offered in the UI. The server enforces the same rules; this only
// keeps a VIEWER from being shown buttons that would be refused.
import type { Role } from '../../api/generated/graphql';

/** Things a person can do in the dashboard, by role. */
export type Capability = 'operate' | 'setup' | 'refund' | 'audit';

const GRANTS: Record<Role, readonly Capability[]> = {
  ADMIN: ['operate', 'setup', 'refund', 'audit'],
  OPERATOR: ['operate', 'audit'],
  VIEWER: [],
};

/** True if `role` may use `capability`. */
export function can(role: Role | undefined, capability: Capability): boolean {
  return role ? GRANTS[role].includes(capability) : false;
}
