// Operator actions on a session. Each asks for a reason; the server records who and why.
import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import type { SessionDetailQuery } from '../../api/generated/graphql';
import { ReasonAction } from '../../ui/reason-action';
import { OperatorOpenMutation, SetOutOfServiceMutation } from '../board/board.operations';
import { EndSessionMutation, RegenerateAccessCodeMutation } from './sessions.operations';
import { NewCodeTicket, type NewCode } from './new-code-ticket';
import { SendCodeAction } from './send-code-action';

type Session = NonNullable<SessionDetailQuery['session']>;

const CLOSED = new Set(['COMPLETED', 'CANCELLED']);

/** The actions panel of the session page. */
export function SessionActions({ session: s, onChanged }: { session: Session; onChanged: () => void }) {
  const [regenerate] = useMutation(RegenerateAccessCodeMutation);
  const [open] = useMutation(OperatorOpenMutation);
  const [end] = useMutation(EndSessionMutation);
  const [setOos] = useMutation(SetOutOfServiceMutation);
  const [code, setCode] = useState<NewCode | null>(null);
  const closed = CLOSED.has(s.status);
  const c = s.compartment;

  return (
    <section className="card" aria-labelledby="actions-title">
      <h2 id="actions-title">Actions</h2>
      {closed && (
        <p className="muted">
          This session is {s.status.toLowerCase()}: only the compartment can be acted on.
        </p>
      )}
      <div className="actions">
        {!closed && (
          <ReasonAction
            label="Regenerate access code"
            onConfirm={async (reason) => {
              const { data } = await regenerate({ variables: { sessionId: s.id, reason } });
              if (data) setCode(data.regenerateAccessCode.code);
              onChanged();
            }}
          />
        )}
        {!closed && (
          <SendCodeAction
            sessionId={s.id}
            email={s.contactEmail ?? null}
            phone={s.contactPhone ?? null}
            onSent={onChanged}
          />
        )}
        {c && (
          <ReasonAction
            label={`Open ${c.label} remotely`}
            onConfirm={async (reason) => {
              await open({ variables: { compartmentId: c.id, reason } });
              onChanged();
            }}
          />
        )}
        {!closed && (
          <ReasonAction
            label="End session"
            danger
            onConfirm={async (reason) => {
              await end({ variables: { sessionId: s.id, reason } });
              onChanged();
            }}
          />
        )}
        {c && c.status !== 'OUT_OF_SERVICE' && (
          <ReasonAction
            label={`Mark ${c.label} out of service`}
            danger
            onConfirm={async (reason) => {
              await setOos({ variables: { compartmentId: c.id, outOfService: true, reason } });
              onChanged();
            }}
          />
        )}
      </div>
      {code && (
        <NewCodeTicket
          code={code}
          timeZone={s.site.timezone}
          ticketLines={[
            s.site.name,
            c ? `Compartment ${c.label}` : `Size ${s.size.toLowerCase()}`,
            'Scan this code at the kiosk',
          ]}
          onDone={() => setCode(null)}
        />
      )}
    </section>
  );
}
