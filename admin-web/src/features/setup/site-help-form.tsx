// The help line travellers see on the kiosk's help screen and the phone page (ADMIN).
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { errorMessage } from '../../api/errors';
import { FieldError } from '../../ui/field-error';
import { SetSiteHelpMutation, SiteHelpQuery } from './site-help.operations';
import { validateHelp, type HelpDraft } from './site-help-validation';

/** Loads the site's help line, then the form to change it. */
export function SiteHelpForm({ siteId }: { siteId: string }) {
  const { data } = useQuery(SiteHelpQuery, { variables: { id: siteId } });
  const help = data?.site?.help;
  if (!help) return null;
  return <HelpForm siteId={siteId} initial={{ phone: help.phone ?? '', hours: help.hours ?? '' }} />;
}

function HelpForm({ siteId, initial }: { siteId: string; initial: HelpDraft }) {
  const [draft, setDraft] = useState<HelpDraft>(initial);
  const [errors, setErrors] = useState<Partial<HelpDraft>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [save, { loading }] = useMutation(SetSiteHelpMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    const r = validateHelp(draft);
    if (!r.ok) return setErrors(r.errors);
    setErrors({});
    try {
      await save({ variables: { siteId, ...r.value } });
      setMessage({ ok: true, text: 'Help line saved.' });
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    }
  }

  return (
    <form className="card form" onSubmit={(e) => void submit(e)} aria-labelledby="site-help-title" noValidate>
      <h3 id="site-help-title">Help for travellers</h3>
      <p className="muted">
        Shown on the kiosk&apos;s help screen and on the phone page. Leave empty to hide.
      </p>
      <div className="grid-form">
        <label>
          Help phone number
          <input
            type="tel"
            value={draft.phone}
            onChange={(e) => setDraft({ ...draft, phone: e.target.value })}
            aria-invalid={Boolean(errors.phone)}
            aria-describedby="site-help-phone-err"
          />
          <FieldError id="site-help-phone-err" message={errors.phone} />
        </label>
        <label>
          Opening hours
          <input
            value={draft.hours}
            placeholder="Daily 06:00-22:00"
            onChange={(e) => setDraft({ ...draft, hours: e.target.value })}
            aria-invalid={Boolean(errors.hours)}
            aria-describedby="site-help-hours-err"
          />
          <FieldError id="site-help-hours-err" message={errors.hours} />
        </label>
      </div>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok' : 'error'}>
          {message.text}
        </p>
      )}
      <button type="submit" className="primary" disabled={loading}>
        Save help line
      </button>
    </form>
  );
}
