// Support's "send a new code": the depositor lost the code, so a fresh one goes to the
// e-mail or phone they gave at the kiosk. The form says what will happen (the old code stops
// working at once) before the operator confirms; the server records who sent it and why.
import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import type { CodeChannel } from '../../api/generated/graphql';
import { ReasonAction } from '../../ui/reason-action';
import { SendNewAccessCodeMutation } from './sessions.operations';

interface Props {
  sessionId: string;
  email: string | null;
  phone: string | null;
  onSent: () => void;
}

/** "Send a new code" with the choice of channel; nothing is offered without a contact on file. */
export function SendCodeAction({ sessionId, email, phone, onSent }: Props) {
  const [send] = useMutation(SendNewAccessCodeMutation);
  const [channel, setChannel] = useState<CodeChannel>(email ? 'EMAIL' : 'SMS');
  const [sent, setSent] = useState<string | null>(null);
  if (!email && !phone) return null;
  const options: { value: CodeChannel; label: string }[] = [
    ...(email ? [{ value: 'EMAIL' as const, label: `E-mail to ${email}` }] : []),
    ...(phone ? [{ value: 'SMS' as const, label: `SMS to ${phone}` }] : []),
  ];
  return (
    <div>
      <ReasonAction
        label="Send a new code to the customer"
        onConfirm={async (reason) => {
          const { data } = await send({ variables: { sessionId, channel, reason } });
          if (data) {
            const r = data.sendNewAccessCode;
            setSent(`New code sent by ${r.channel === 'EMAIL' ? 'e-mail' : 'SMS'} to ${r.sentTo}.`);
          }
          onSent();
        }}
      >
        <fieldset>
          <legend>Send it by</legend>
          {options.map((o) => (
            <label key={o.value} className="check">
              <input
                type="radio"
                name={`send-code-${sessionId}`}
                value={o.value}
                checked={channel === o.value}
                onChange={() => setChannel(o.value)}
              />
              {o.label}
            </label>
          ))}
        </fieldset>
        <p className="muted">
          The current code stops working at once; only the new one opens the compartment. At most 3 codes per
          session per hour.
        </p>
      </ReasonAction>
      {sent && (
        <p role="status" data-testid="code-sent">
          {sent} The previous code no longer works.
        </p>
      )}
    </div>
  );
}
