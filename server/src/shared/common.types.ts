import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { GraphQLScalarType } from 'graphql';

/** `DateTime` as the contract names it: an ISO-8601 string with time zone. */
export const DateTime = new GraphQLScalarType({ ...DateTimeResolver.toConfig(), name: 'DateTime' });

// simpleResolvers: plain properties need no type-graphql wrapper (no middlewares are used)
@ObjectType({ simpleResolvers: true })
export class Money {
  @Field(() => Int) amount!: number;
  @Field(() => String) currency!: string;
}

export const money = (amount: number, currency: string): Money => ({ amount, currency });

@ObjectType()
export class PageInfo {
  @Field(() => String, { nullable: true }) endCursor!: string | null;
  @Field(() => Boolean) hasNextPage!: boolean;
}
