import { Migration } from '@mikro-orm/migrations';

/**
 * A short address per site for the depositor's phone page (`/kiosk/phone/<slug>`). Existing
 * sites get one made from their name (accents folded, words joined by hyphens), the oldest
 * site keeping the plain form when two names collide; operators may change it in set-up.
 */
export class Migration20261206110000SiteSlug extends Migration {
  override up(): void {
    this.addSql(`alter table site add column slug text;`);
    this.addSql(`do $$
      declare
        s record;
        base text;
        candidate text;
        n int;
      begin
        for s in select id, name from site order by created_at, id loop
          base := trim(both '-' from regexp_replace(lower(replace(translate(s.name,
            'ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿ',
            'AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOOooooooUUUUuuuuYyy'), 'ß', 'ss')), '[^a-z0-9]+', '-', 'g'));
          base := trim(trailing '-' from left(base, 36));
          if length(base) < 3 then base := 'site-' || left(s.id::text, 8); end if;
          candidate := base;
          n := 1;
          while exists (select 1 from site where slug = candidate) loop
            n := n + 1;
            candidate := base || '-' || n;
          end loop;
          update site set slug = candidate where id = s.id;
        end loop;
      end $$;`);
    this.addSql(`alter table site alter column slug set not null,
      add constraint site_slug_unique unique (slug),
      add constraint site_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) between 3 and 40);`);
  }

  override down(): void {
    this.addSql(`alter table site drop column slug;`);
  }
}
