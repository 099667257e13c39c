// One session: facts, amount due, payments, timeline (door events + transitions) and, for
// staff who operate, the actions (each with a reason).
import { useQuery, useSubscription } from '@apollo/client/react';
import { errorMessage } from '../../api/errors';
import { href } from '../../app/router';
import { formatDateTime, formatMoney, humanize } from '../../ui/format';
import { useAuth } from '../auth/auth-context';
import { can } from '../auth/permissions';
import { SessionDetailQuery, SessionUpdatedSubscription } from './sessions.operations';
import { SessionActions } from './session-actions';
import { SessionTimeline } from './session-timeline';
import { PaymentTable } from './payment-table';
import { AbandonmentPanel } from './abandonment-panel';

/** The session page for `id`. */
export function SessionPage({ id }: { id: string }) {
  const { user } = useAuth();
  const { data, error, loading, refetch } = useQuery(SessionDetailQuery, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  // Any change to the session (door closed, paid, ended elsewhere) re-reads the whole page:
  // the timeline, payments and amount due all derive from it.
  useSubscription(SessionUpdatedSubscription, {
    variables: { sessionId: id },
    fetchPolicy: 'no-cache',
    ignoreResults: true,
    onData: () => void refetch(),
  });
  const s = data?.session;
  if (error)
    return (
      <p role="alert" className="error page-status">
        {errorMessage(error)}
      </p>
    );
  if (!s) return <p className="page-status">{loading ? 'Loading…' : 'Session not found.'}</p>;
  const tz = s.site.timezone;

  return (
    <main className="page session-page">
      <p>
        <a href={href('sessions')}>← Sessions</a>
      </p>
      <h1>
        Session {s.id.slice(0, 8)} · <span data-testid="session-status">{humanize(s.status)}</span>
        {s.overdue && <span className="flag"> overdue</span>}
        {s.abandonment && !s.abandonment.claimedAt && !s.abandonment.disposedAt && (
          <span className="flag" data-testid="abandoned-flag">
            {' '}
            abandoned
          </span>
        )}
      </h1>
      <div className="two-col">
        <section className="card" aria-labelledby="facts-title">
          <h2 id="facts-title">Details</h2>
          <dl className="facts">
            <dt>Site</dt>
            <dd>{s.site.name}</dd>
            <dt>Size</dt>
            <dd>{humanize(s.size)}</dd>
            <dt>Compartment</dt>
            <dd>
              {s.compartment
                ? `${s.compartment.label} (${humanize(s.compartment.status)}, door ${humanize(s.compartment.doorState)})`
                : 'None yet'}
            </dd>
            <dt>Contact</dt>
            <dd>{[s.contactEmail, s.contactPhone].filter(Boolean).join(', ') || '—'}</dd>
            <dt>Created</dt>
            <dd>{formatDateTime(s.createdAt, tz)}</dd>
            <dt>Deposited</dt>
            <dd>{formatDateTime(s.depositedAt, tz)}</dd>
            <dt>Due</dt>
            <dd>{formatDateTime(s.dueAt, tz)}</dd>
            <dt>Retrieved</dt>
            <dd>{formatDateTime(s.retrievedAt, tz)}</dd>
            <dt>Amount due</dt>
            <dd data-testid="amount-due">{formatMoney(s.amountDue)}</dd>
            {s.feedbackRating != null && (
              <>
                <dt>Feedback</dt>
                <dd>{s.feedbackRating} / 5</dd>
              </>
            )}
          </dl>
          <p className="muted">Times in {tz}.</p>
        </section>
        {can(user?.role, 'operate') ? (
          <SessionActions session={s} onChanged={() => void refetch()} />
        ) : (
          <section className="card">
            <h2>Actions</h2>
            <p className="muted">
              Your role ({user?.role.toLowerCase()}) can view sessions but not act on them.
            </p>
          </section>
        )}
      </div>
      <AbandonmentPanel
        session={s}
        canOperate={can(user?.role, 'operate')}
        onChanged={() => void refetch()}
      />
      <PaymentTable
        payments={s.payments}
        timeZone={tz}
        canRefund={can(user?.role, 'refund')}
        onChanged={() => void refetch()}
      />
      <SessionTimeline session={s} timeZone={tz} />
    </main>
  );
}
