// New webhook endpoint (ADMIN): URL, optional description and the events it receives. The
// signing secret comes back once, shown with a copy button.
import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { errorMessage } from '../../api/errors';
import type { WebhookEvent } from '../../api/generated/graphql';
import { FieldError } from '../../ui/field-error';
import { SecretOnce } from '../../ui/secret-once';
import { CreateWebhookEndpointMutation } from './webhooks.operations';
import {
  validateWebhookDraft,
  WEBHOOK_EVENTS,
  type WebhookDraft,
  type WebhookField,
} from './webhook-validation';

const EMPTY: WebhookDraft = { url: '', description: '', events: [] };

/** The form; `onCreated` lets the list re-read the endpoints. */
export function WebhookForm({ onCreated }: { onCreated: (id: string) => void }) {
  const [draft, setDraft] = useState<WebhookDraft>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<WebhookField, string>>>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const [create, { loading }] = useMutation(CreateWebhookEndpointMutation);

  const toggle = (event: WebhookEvent, on: boolean) =>
    setDraft((d) => ({ ...d, events: on ? [...d.events, event] : d.events.filter((e) => e !== event) }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setServerError(null);
    setCreated(null);
    const result = validateWebhookDraft(draft);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    try {
      const { data } = await create({ variables: result.value });
      if (!data) return;
      setCreated({ url: data.createWebhookEndpoint.endpoint.url, secret: data.createWebhookEndpoint.secret });
      setDraft(EMPTY);
      onCreated(data.createWebhookEndpoint.endpoint.id);
    } catch (err) {
      setServerError(errorMessage(err));
    }
  }

  return (
    <form
      className="card form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="webhook-form-title"
      noValidate
    >
      <h3 id="webhook-form-title">Add a webhook endpoint</h3>
      <div className="grid-form">
        <label>
          Endpoint URL
          <input
            type="url"
            value={draft.url}
            placeholder="https://example.com/hooks/lockers"
            onChange={(e) => setDraft({ ...draft, url: e.target.value })}
            aria-invalid={Boolean(errors.url)}
            aria-describedby="webhook-url-err"
          />
          <FieldError id="webhook-url-err" message={errors.url} />
        </label>
        <label>
          Description (optional)
          <input
            value={draft.description}
            onChange={(e) => setDraft({ ...draft, description: e.target.value })}
            aria-invalid={Boolean(errors.description)}
            aria-describedby="webhook-description-err"
          />
          <FieldError id="webhook-description-err" message={errors.description} />
        </label>
      </div>
      <fieldset aria-describedby="webhook-events-err">
        <legend>Events to send</legend>
        {WEBHOOK_EVENTS.map(({ event, wire, help }) => (
          <label key={event} className="check" title={help}>
            <input
              type="checkbox"
              checked={draft.events.includes(event)}
              onChange={(e) => toggle(event, e.target.checked)}
            />
            <code>{wire}</code>
          </label>
        ))}
        <FieldError id="webhook-events-err" message={errors.events} />
      </fieldset>
      {serverError && (
        <p role="alert" className="error">
          {serverError}
        </p>
      )}
      <button type="submit" className="primary" disabled={loading}>
        {loading ? 'Creating…' : 'Create endpoint'}
      </button>
      {created && <SecretOnce title={`Signing secret for ${created.url}`} secret={created.secret} />}
    </form>
  );
}
