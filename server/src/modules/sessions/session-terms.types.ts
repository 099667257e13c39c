import { Field, Int, ObjectType } from 'type-graphql';
import { DateTime, Money } from '../../shared/common.types.js';

/** What the traveller agreed to and has paid: the ticket and the kiosk's screens say it in words. */
@ObjectType('SessionTerms')
export class SessionTermsView {
  @Field(() => Money, { description: 'The price of the included time (amount 0 = free)' }) price!: Money;
  @Field(() => Int) includedMinutes!: number;
  @Field(() => Money, { description: 'For each started hour after dueAt, once past the grace' })
  overduePerHour!: Money;
  @Field(() => Int) graceMinutes!: number;
  @Field(() => Money, { description: 'What has been paid so far' }) amountPaid!: Money;
  @Field(() => Money, {
    description: 'The overdue fee so far (0 until past dueAt and the grace); part of amountDue until paid',
  })
  overdueFee!: Money;
  @Field(() => Int, { description: 'Whole minutes past dueAt (0 before it); to the pick-up once collected' })
  minutesOverdue!: number;
  @Field(() => String, {
    nullable: true,
    description:
      'Once collected: the reference on the receipt sent by e-mail or SMS (null when none was sent: no contact)',
  })
  receiptReference!: string | null;
  @Field(() => DateTime, {
    nullable: true,
    description: 'Until a first deposit: the code is good for storing until then (null once stored)',
  })
  codeValidUntil!: Date | null;
}
