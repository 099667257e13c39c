// Create a site, and edit the chosen site's name, phone page address, zone and timings (ADMIN).
import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { errorMessage } from '../../api/errors';
import type { SetupSiteQuery } from '../../api/generated/graphql';
import { FieldError } from '../../ui/field-error';
import { CreateSiteMutation, UpdateSiteMutation } from './setup.operations';
import {
  knownTimeZones,
  SITE_TIMINGS,
  validateSite,
  type SiteDraft,
  type SiteField,
} from './site-validation';

type Site = NonNullable<SetupSiteQuery['site']>;

function TimeZoneSelect({
  value,
  onChange,
  error,
  id,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string;
  id: string;
}) {
  return (
    <label>
      Time zone
      <select
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={Boolean(error)}
        aria-describedby={`${id}-err`}
      >
        <option value="">Choose…</option>
        {knownTimeZones().map((tz) => (
          <option key={tz} value={tz}>
            {tz}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-err`} message={error} />
    </label>
  );
}

/** Edits the chosen site. */
export function SiteSettingsForm({ site, onSaved }: { site: Site; onSaved: () => void }) {
  const [draft, setDraft] = useState<SiteDraft>(() => ({
    name: site.name,
    slug: site.slug,
    timezone: site.timezone,
    ...(Object.fromEntries(SITE_TIMINGS.map(([f]) => [f, String(site[f])])) as Record<
      (typeof SITE_TIMINGS)[number][0],
      string
    >),
  }));
  const [errors, setErrors] = useState<Partial<Record<SiteField, string>>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [update, { loading }] = useMutation(UpdateSiteMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    const r = validateSite(draft);
    if (!r.ok) return setErrors(r.errors);
    setErrors({});
    try {
      await update({ variables: { id: site.id, ...r.value } });
      setMessage({ ok: true, text: 'Site saved.' });
      onSaved();
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    }
  }

  return (
    <form className="card form" onSubmit={(e) => void submit(e)} aria-labelledby="site-form-title" noValidate>
      <h3 id="site-form-title">Site settings</h3>
      <div className="grid-form">
        <label>
          Name
          <input
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            aria-invalid={Boolean(errors.name)}
            aria-describedby="site-name-err"
          />
          <FieldError id="site-name-err" message={errors.name} />
        </label>
        <label>
          Phone page address
          <input
            value={draft.slug}
            onChange={(e) => setDraft({ ...draft, slug: e.target.value })}
            autoCapitalize="none"
            spellCheck={false}
            aria-invalid={Boolean(errors.slug)}
            aria-describedby="site-slug-hint site-slug-err"
          />
          <span id="site-slug-hint" className="muted">
            Travellers open {window.location.origin}/kiosk/phone/{draft.slug.trim().toLowerCase() || '…'} (the
            QR code at the kiosk and on tickets). Changing it stops the old address from working.
          </span>
          <FieldError id="site-slug-err" message={errors.slug} />
        </label>
        <TimeZoneSelect
          id="site-tz"
          value={draft.timezone}
          error={errors.timezone}
          onChange={(timezone) => setDraft({ ...draft, timezone })}
        />
        {SITE_TIMINGS.map(([f, label]) => (
          <label key={f}>
            {label}
            <input
              inputMode="numeric"
              value={draft[f]}
              onChange={(e) => setDraft({ ...draft, [f]: e.target.value })}
              aria-invalid={Boolean(errors[f])}
              aria-describedby={`site-${f}-err`}
            />
            <FieldError id={`site-${f}-err`} message={errors[f]} />
          </label>
        ))}
      </div>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok' : 'error'}>
          {message.text}
        </p>
      )}
      <button type="submit" className="primary" disabled={loading}>
        Save site
      </button>
    </form>
  );
}

/** Creates a site; the new site becomes the chosen one. */
export function CreateSiteForm({ onCreated }: { onCreated: (id: string) => void }) {
  const [name, setName] = useState('');
  const [timezone, setTimezone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [errors, setErrors] = useState<Partial<Record<SiteField, string>>>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [create, { loading }] = useMutation(CreateSiteMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setServerError(null);
    const r = validateSite({ name, timezone });
    if (!r.ok) return setErrors(r.errors);
    setErrors({});
    try {
      const { data } = await create({ variables: { name: r.value.name, timezone: r.value.timezone } });
      setName('');
      if (data) onCreated(data.createSite.id);
    } catch (err) {
      setServerError(errorMessage(err));
    }
  }

  return (
    <form className="card form" onSubmit={(e) => void submit(e)} aria-labelledby="new-site-title" noValidate>
      <h3 id="new-site-title">New site</h3>
      <div className="grid-form">
        <label>
          Name
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={Boolean(errors.name)}
            aria-describedby="new-site-name-err"
          />
          <FieldError id="new-site-name-err" message={errors.name} />
        </label>
        <TimeZoneSelect id="new-site-tz" value={timezone} error={errors.timezone} onChange={setTimezone} />
      </div>
      {serverError && (
        <p role="alert" className="error">
          {serverError}
        </p>
      )}
      <button type="submit" className="primary" disabled={loading}>
        Create site
      </button>
    </form>
  );
}
