// Webhook endpoints (ADMIN set-up): the list, the new-endpoint form, delete, and the
// deliveries of the endpoint picked.
import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { errorMessage } from '../../api/errors';
import { formatDateTime } from '../../ui/format';
import { DeleteWebhookEndpointMutation, WebhookEndpointsQuery } from './webhooks.operations';
import { WebhookDeliveries } from './webhook-deliveries';
import { WebhookForm } from './webhook-form';
import { WEBHOOK_EVENTS } from './webhook-validation';

const wire = (event: string) => WEBHOOK_EVENTS.find((e) => e.event === event)?.wire ?? event;

/** The webhooks tab. */
export function WebhooksSection() {
  const { data, error, refetch } = useQuery(WebhookEndpointsQuery, { fetchPolicy: 'cache-and-network' });
  const [remove] = useMutation(DeleteWebhookEndpointMutation);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const endpoints = data?.webhookEndpoints ?? [];
  const selected = endpoints.find((e) => e.id === selectedId);

  async function del(id: string, url: string) {
    if (!window.confirm(`Delete the endpoint ${url}? Deliveries still pending to it will end as failed.`))
      return;
    setActionError(null);
    try {
      await remove({ variables: { id } });
      if (selectedId === id) setSelectedId(null);
      await refetch();
    } catch (err) {
      setActionError(errorMessage(err));
    }
  }

  return (
    <section aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">Webhook endpoints</h2>
      <p className="muted">
        Each delivery is a POST of JSON signed with the endpoint's secret (header{' '}
        <code>X-Lockers-Signature: t=…,v1=…</code>).
      </p>
      {error && (
        <p role="alert" className="error">
          {errorMessage(error)}
        </p>
      )}
      {actionError && (
        <p role="alert" className="error">
          {actionError}
        </p>
      )}
      {data && endpoints.length === 0 ? (
        <p>No endpoints yet.</p>
      ) : (
        <table className="table" aria-label="Webhook endpoints">
          <thead>
            <tr>
              <th scope="col">URL</th>
              <th scope="col">Description</th>
              <th scope="col">Events</th>
              <th scope="col">Created</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {endpoints.map((e) => (
              <tr key={e.id} aria-selected={e.id === selectedId}>
                <td>
                  <code>{e.url}</code>
                </td>
                <td>{e.description ?? '—'}</td>
                <td>{e.events.map(wire).join(', ')}</td>
                <td>{formatDateTime(e.createdAt)}</td>
                <td className="row">
                  <button
                    type="button"
                    aria-pressed={e.id === selectedId}
                    onClick={() => setSelectedId(e.id === selectedId ? null : e.id)}
                  >
                    Deliveries
                  </button>
                  <button type="button" className="danger" onClick={() => void del(e.id, e.url)}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {selected && <WebhookDeliveries key={selected.id} endpointId={selected.id} url={selected.url} />}
      <WebhookForm
        onCreated={(id) => {
          void refetch();
          setSelectedId(id);
        }}
      />
    </section>
  );
}
