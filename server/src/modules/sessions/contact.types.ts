import { Field, InputType } from 'type-graphql';
import { MaxLength } from 'class-validator';

@InputType('ContactInput')
export class ContactInput {
  @Field(() => String, { nullable: true }) @MaxLength(254) email?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(32) phone?: string | null;
}
