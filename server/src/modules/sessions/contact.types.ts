import { Field, InputType, registerEnumType } from 'type-graphql';
import { MESSAGE_LANGUAGES, type MessageLanguage } from '../../shared/message-locale.js';
import { MaxLength } from 'class-validator';

/** The languages of the kiosk and the phone page, and of the depositor's e-mails and SMS. */
export const Language = Object.fromEntries(MESSAGE_LANGUAGES.map((l) => [l.toUpperCase(), l])) as Record<
  Uppercase<MessageLanguage>,
  MessageLanguage
>;
registerEnumType(Language, { name: 'Language', description: 'en, de, fr or es' });

@InputType('ContactInput')
export class ContactInput {
  @Field(() => String, { nullable: true }) @MaxLength(254) email?: string | null;
  @Field(() => String, { nullable: true }) @MaxLength(32) phone?: string | null;
  @Field(() => Language, {
    nullable: true,
    description: 'The language of the e-mails and SMS about this session (default en)',
  })
  language?: MessageLanguage | null;
}
