// One endpoint's deliveries, newest first, each with every attempt (time, HTTP status,
// error, duration). There is no subscription for deliveries, so the list re-reads itself
// every few seconds while it is open (retries happen in the background).
import { useQuery } from '@apollo/client/react';
import { errorMessage } from '../../api/errors';
import type { WebhookDeliveriesQuery } from '../../api/generated/graphql';
import { formatDateTime, formatTime, humanize } from '../../ui/format';
import { WebhookDeliveriesQuery as DeliveriesDoc } from './webhooks.operations';
import { WEBHOOK_EVENTS } from './webhook-validation';

type Delivery = WebhookDeliveriesQuery['webhookDeliveries'][number];

const POLL_MS = 5_000;
const wire = (event: string) => WEBHOOK_EVENTS.find((e) => e.event === event)?.wire ?? event;

/** Deliveries of `endpointId`. */
export function WebhookDeliveries({ endpointId, url }: { endpointId: string; url: string }) {
  const { data, error, loading, refetch } = useQuery(DeliveriesDoc, {
    variables: { endpointId, first: 50 },
    fetchPolicy: 'cache-and-network',
    pollInterval: POLL_MS,
  });
  const deliveries = data?.webhookDeliveries ?? [];
  return (
    <section className="card" aria-labelledby="deliveries-title" data-testid="webhook-deliveries">
      <div className="row spread">
        <h3 id="deliveries-title">Deliveries to {url}</h3>
        <button type="button" onClick={() => void refetch()} disabled={loading}>
          Refresh
        </button>
      </div>
      <p className="muted">
        Newest first, the last 50. Failed attempts are retried with increasing delays; times are your
        browser's.
      </p>
      {error && (
        <p role="alert" className="error">
          {errorMessage(error)}
        </p>
      )}
      {data && deliveries.length === 0 && (
        <p>No deliveries yet: they appear when one of the chosen events happens.</p>
      )}
      {deliveries.length > 0 && (
        <ul className="delivery-list">
          {deliveries.map((d) => (
            <DeliveryItem key={d.id} delivery={d} />
          ))}
        </ul>
      )}
    </section>
  );
}

function DeliveryItem({ delivery: d }: { delivery: Delivery }) {
  return (
    <li className={`delivery delivery-${d.status.toLowerCase()}`} data-testid="webhook-delivery">
      <div className="row">
        <code>{wire(d.event)}</code>
        <strong data-testid="delivery-status">{humanize(d.status)}</strong>
        <span className="muted">
          created {formatDateTime(d.createdAt)}
          {d.deliveredAt ? ` · delivered ${formatDateTime(d.deliveredAt)}` : ''} · {d.attempts.length} attempt
          {d.attempts.length === 1 ? '' : 's'}
        </span>
      </div>
      {d.attempts.length > 0 && (
        <table className="table compact" aria-label={`Attempts of ${wire(d.event)} ${d.eventId.slice(0, 8)}`}>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">At</th>
              <th scope="col">HTTP status</th>
              <th scope="col">Error</th>
              <th scope="col">Took</th>
            </tr>
          </thead>
          <tbody>
            {d.attempts.map((a, i) => (
              <tr key={`${a.at}-${i}`} data-testid="webhook-attempt">
                <td>{i + 1}</td>
                <td>{formatTime(a.at)}</td>
                <td>{a.statusCode ?? 'no response'}</td>
                <td>{a.error ?? '—'}</td>
                <td>{a.durationMs} ms</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <details>
        <summary>Body sent (event id {d.eventId})</summary>
        <pre className="body">{d.body}</pre>
      </details>
    </li>
  );
}
