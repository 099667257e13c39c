import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from '../../entities/roles.js';
import type { UserEntity } from '../../entities/user.entity.js';
import { DateTime } from '../../shared/common.types.js';

@ObjectType('User')
export class UserView {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => Role) role!: Role;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => DateTime, { nullable: true, description: 'Deactivated: no sign-in, no valid token' })
  disabledAt!: Date | null;
  @Field(() => [ID], {
    nullable: true,
    description: 'The sites this person may see and act on; null: all sites (always for an ADMIN)',
  })
  siteIds!: string[] | null;
}

export const toUserView = (
  u: Pick<UserEntity, 'id' | 'email' | 'role'> & Partial<Pick<UserEntity, 'name' | 'disabledAt' | 'siteIds'>>,
): UserView => ({
  id: u.id,
  email: u.email,
  role: u.role,
  name: u.name ?? null,
  disabledAt: u.disabledAt ?? null,
  siteIds: u.siteIds ?? null,
});

@ObjectType('PasswordReset')
export class PasswordResetView {
  @Field(() => UserView) user!: UserView;
  @Field(() => String, {
    nullable: true,
    description: 'The generated password when none was given: shown once, hand it over in person',
  })
  oneTimePassword!: string | null;
}

@ObjectType('AuthPayload')
export class AuthPayload {
  @Field(() => String) token!: string;
  @Field(() => UserView) user!: UserView;
}
