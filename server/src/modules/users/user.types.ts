import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from '../../entities/roles.js';
import type { UserEntity } from '../../entities/user.entity.js';

@ObjectType('User')
export class UserView {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => Role) role!: Role;
}

export const toUserView = (u: Pick<UserEntity, 'id' | 'email' | 'role'>): UserView => ({
  id: u.id,
  email: u.email,
  role: u.role,
});

@ObjectType('AuthPayload')
export class AuthPayload {
  @Field(() => String) token!: string;
  @Field(() => UserView) user!: UserView;
}
