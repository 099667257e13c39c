import { registerEnumType } from 'type-graphql';

export type Role = 'ADMIN' | 'OPERATOR' | 'VIEWER';
export const Role = { ADMIN: 'ADMIN', OPERATOR: 'OPERATOR', VIEWER: 'VIEWER' } as const;
registerEnumType(Role, { name: 'Role' });
