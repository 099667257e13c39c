// The selected compartment: its session and, for staff who operate, remote open and
// out-of-service (both recorded with a reason).
import { useMutation } from '@apollo/client/react';
import { href } from '../../app/router';
import { humanize } from '../../ui/format';
import { ReasonAction } from '../../ui/reason-action';
import { useAuth } from '../auth/auth-context';
import { can } from '../auth/permissions';
import { OperatorOpenMutation, SetOutOfServiceMutation } from './board.operations';
import { InspectionForm } from './inspection-form';
import type { BoardCompartment } from './use-live-board';

/** Details and actions for one compartment. */
export function CompartmentPanel({
  compartment: c,
  remoteOpenBlocker = null,
  onClose,
}: {
  compartment: BoardCompartment;
  /** Why the lock cannot be driven now (gateway offline, controller down); null: it can. */
  remoteOpenBlocker?: string | null;
  onClose: () => void;
}) {
  const { user } = useAuth();
  const [open] = useMutation(OperatorOpenMutation);
  const [setOos] = useMutation(SetOutOfServiceMutation);
  const operate = can(user?.role, 'operate');
  const oos = c.status === 'OUT_OF_SERVICE';

  return (
    <section className="card panel" aria-label={`Compartment ${c.label}`}>
      <header className="row spread">
        <h3>Compartment {c.label}</h3>
        <button type="button" onClick={onClose} aria-label="Close compartment details">
          ✕
        </button>
      </header>
      <dl className="facts">
        <dt>Size</dt>
        <dd>{humanize(c.size)}</dd>
        <dt>Status</dt>
        <dd>{humanize(c.status)}</dd>
        {c.status === 'NEEDS_INSPECTION' && (
          <>
            <dt>Why</dt>
            <dd>{c.inspectionReason ?? 'No reason recorded'}</dd>
          </>
        )}
        {c.status === 'OUT_OF_SERVICE' && c.outOfServiceReason && (
          <>
            <dt>Why</dt>
            <dd>{c.outOfServiceReason}</dd>
          </>
        )}
        <dt>Door</dt>
        <dd>{humanize(c.doorState)}</dd>
        <dt>Session</dt>
        <dd>
          {c.currentSession ? (
            <a href={href('sessions', c.currentSession.id)}>
              {humanize(c.currentSession.status)}
              {c.currentSession.overdue ? ' (overdue)' : ''}
            </a>
          ) : (
            'None'
          )}
        </dd>
      </dl>
      {operate && c.status === 'NEEDS_INSPECTION' && (
        <InspectionForm key={c.id} compartmentId={c.id} reason={c.inspectionReason ?? null} />
      )}
      {operate ? (
        <div className="actions">
          <ReasonAction
            label="Open remotely"
            unavailable={remoteOpenBlocker}
            onConfirm={(reason) => open({ variables: { compartmentId: c.id, reason } })}
          />
          {c.status !== 'NEEDS_INSPECTION' && (
            <ReasonAction
              label={oos ? 'Return to service' : 'Mark out of service'}
              danger={!oos}
              reasonOptional={oos}
              onConfirm={(reason) =>
                setOos({ variables: { compartmentId: c.id, outOfService: !oos, reason: reason || null } })
              }
            />
          )}
        </div>
      ) : (
        <p className="muted">Your role can view this compartment but not act on it.</p>
      )}
    </section>
  );
}
