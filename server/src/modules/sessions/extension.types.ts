import { Field, Int, ObjectType } from 'type-graphql';
import { Money } from '../../shared/common.types.js';

@ObjectType('StorageExtension', {
  description: "More storage time for a stored bag, in steps of its tariff's included period at its price",
})
export class StorageExtensionView {
  @Field(() => Int, { description: 'Minutes one step adds to the due time' }) stepMinutes!: number;
  @Field(() => Money, { description: 'What one step costs' }) stepPrice!: Money;
  @Field(() => Int, { description: 'The most steps one extension payment buys' }) maxSteps!: number;
}
