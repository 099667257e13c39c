import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { RequestAssistanceDoc } from '../../api/operations';
import { useSubmit } from '../../api/use-submit';
import { useI18n } from '../../i18n/i18n';
import { ErrorNotice } from '../../ui/error-notice';
import { useSiteHelp } from './site-help';

/** Reason sent with the alert: staff read it in the admin app, in English. */
export const DOOR_DID_NOT_OPEN = 'The door did not open (reported at the kiosk)';

/**
 * "The door did not open": one tap raises an ASSISTANCE_REQUESTED alert for staff (with the code
 * and locker when known), then says help is coming, the request's reference and what happens next.
 */
export function AssistanceButton({
  siteId,
  payload,
  compartmentLabel,
  label,
  reason = DOOR_DID_NOT_OPEN,
  requested,
  onRequested,
}: {
  siteId: string;
  payload?: string | null;
  compartmentLabel?: string | null;
  label?: string;
  /** What staff read in the alert (English). */
  reason?: string;
  /** The reference of a request already made, from a parent that remembers it across screens. */
  requested?: string | null;
  onRequested?: (reference: string) => void;
}) {
  const { t } = useI18n();
  const [request] = useMutation(RequestAssistanceDoc);
  const [own, setOwn] = useState<string | null>(null);
  const reference = requested ?? own;
  const submit = useSubmit(async () => {
    const { data } = await request({
      variables: { siteId, payload: payload ?? null, compartmentLabel: compartmentLabel || null, reason },
    });
    if (!data) throw new Error('no answer');
    setOwn(data.requestAssistance.reference);
    onRequested?.(data.requestAssistance.reference);
  });
  if (reference) return <HelpComing siteId={siteId} reference={reference} />;
  return (
    <>
      <button type="button" className="btn warn" disabled={submit.busy} onClick={() => void submit.run()}>
        {submit.busy ? t('common.working') : (label ?? t('help.doorDidNotOpen'))}
      </button>
      <ErrorNotice code={submit.error} onRetry={() => void submit.run()} />
    </>
  );
}

/** After a help request: help is coming, the reference to quote, and what happens next. */
function HelpComing({ siteId, reference }: { siteId: string; reference: string }) {
  const { t } = useI18n();
  const { phone } = useSiteHelp(siteId);
  return (
    <div className="notice ok big help-coming" role="status">
      <p>{t('help.coming')}</p>
      <p>
        {t('help.reference')} <strong data-testid="help-reference">{reference}</strong>
      </p>
      <p>{t('help.next')}</p>
      {phone ? <p>{t('help.nextCall', { phone })}</p> : null}
    </div>
  );
}
