// The site's name per traveller language (kiosk, phone page, e-mails and SMS); ADMIN.
import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { errorMessage } from '../../api/errors';
import type { SetupSiteQuery } from '../../api/generated/graphql';
import { FieldError } from '../../ui/field-error';
import { SetSiteLocalNamesMutation } from './setup.operations';

type Site = NonNullable<SetupSiteQuery['site']>;

const LANGUAGES = [
  ['en', 'English'],
  ['de', 'German'],
  ['fr', 'French'],
  ['es', 'Spanish'],
] as const;
type Language = (typeof LANGUAGES)[number][0];

/** One field per language; an empty field means travellers reading it see the site's name. */
export function SiteLocalNamesForm({ site, onSaved }: { site: Site; onSaved: () => void }) {
  const [names, setNames] = useState<Record<Language, string>>(
    () =>
      Object.fromEntries(
        LANGUAGES.map(([l]) => [l, site.localNames.find((n) => n.language === l)?.name ?? '']),
      ) as Record<Language, string>,
  );
  const [errors, setErrors] = useState<Partial<Record<Language, string>>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [save, { loading }] = useMutation(SetSiteLocalNamesMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    const found: Partial<Record<Language, string>> = {};
    for (const [l] of LANGUAGES) if (names[l].trim().length > 120) found[l] = 'At most 120 characters.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      await save({
        variables: {
          siteId: site.id,
          names: LANGUAGES.map(([language]) => ({ language, name: names[language].trim() })),
        },
      });
      setMessage({ ok: true, text: 'Local names saved.' });
      onSaved();
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    }
  }

  return (
    <form
      className="card form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="site-names-title"
      noValidate
    >
      <h3 id="site-names-title">Site name per language</h3>
      <p className="muted">
        Shown to travellers on the kiosk, the phone page and in their e-mails and SMS. Left empty, a language
        uses the site name ({site.name}).
      </p>
      <div className="grid-form">
        {LANGUAGES.map(([l, label]) => (
          <label key={l}>
            {label} name
            <input
              lang={l}
              value={names[l]}
              onChange={(e) => setNames({ ...names, [l]: e.target.value })}
              aria-invalid={Boolean(errors[l])}
              aria-describedby={`site-name-${l}-err`}
            />
            <FieldError id={`site-name-${l}-err`} message={errors[l]} />
          </label>
        ))}
      </div>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok' : 'error'}>
          {message.text}
        </p>
      )}
      <button type="submit" className="primary" disabled={loading}>
        Save local names
      </button>
    </form>
  );
}
