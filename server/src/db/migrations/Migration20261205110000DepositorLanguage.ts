import { Migration } from '@mikro-orm/migrations';

/** The depositor's language, chosen at the kiosk or on the phone: their e-mails and SMS are written in it. */
export class Migration20261205110000DepositorLanguage extends Migration {
  override up(): void {
    this.addSql(
      `alter table storage_session add column language text not null default 'en'
         constraint storage_session_language check (language in ('en', 'de', 'fr', 'es'));`,
    );
  }

  override down(): void {
    this.addSql(`alter table storage_session drop column language;`);
  }
}
