import { registerEnumType } from 'type-graphql';
export const Role = { ADMIN: 'ADMIN', OPERATOR: 'OPERATOR', VIEWER: 'VIEWER' };
registerEnumType(Role, { name: 'Role' });
//# sourceMappingURL=roles.js.map