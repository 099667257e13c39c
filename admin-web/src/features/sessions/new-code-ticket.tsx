// The new access code after a regeneration: the QR to print and hand over. The old code
// no longer works. The server's SVG is shown as an image (never injected as markup).
import type { RegenerateAccessCodeMutation } from '../../api/generated/graphql';
import { formatDateTime } from '../../ui/format';
import { printTicket } from './print-ticket';

/** The code part of the regenerate answer. */
export type NewCode = RegenerateAccessCodeMutation['regenerateAccessCode']['code'];

/** The printable ticket with the new QR code. */
export function NewCodeTicket({
  code,
  timeZone,
  ticketLines,
  onDone,
}: {
  code: NewCode;
  timeZone: string;
  /** Text printed above the QR code, e.g. site and compartment. */
  ticketLines: readonly string[];
  onDone: () => void;
}) {
  const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(code.qrSvg)}`;
  return (
    <div className="ticket" role="region" aria-label="New access code">
      <p>
        <strong>New access code</strong> issued {formatDateTime(code.issuedAt, timeZone)}. The previous code
        no longer works.
      </p>
      <img src={src} alt="QR code of the new access code" width={220} height={220} data-testid="new-qr" />
      <details>
        <summary>Code text</summary>
        <code data-testid="new-code-payload">{code.payload}</code>
      </details>
      <div className="row no-print">
        <button type="button" className="primary" onClick={() => printTicket(code, ticketLines)}>
          Print ticket
        </button>
        <button type="button" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
