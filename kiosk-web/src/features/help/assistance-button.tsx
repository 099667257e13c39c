import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { RequestAssistanceDoc } from '../../api/operations';
import { useSubmit } from '../../api/use-submit';
import { useI18n } from '../../i18n/i18n';
import { ErrorNotice } from '../../ui/error-notice';

/** Reason sent with the alert: staff read it in the admin app, in English. */
export const DOOR_DID_NOT_OPEN = 'The door did not open (reported at the kiosk)';

/**
 * "The door did not open": one tap raises an ASSISTANCE_REQUESTED alert for staff (with the code
 * and locker when known) and tells the person that help is coming.
 */
export function AssistanceButton({
  siteId,
  payload,
  compartmentLabel,
  label,
  requested,
  onRequested,
}: {
  siteId: string;
  payload?: string | null;
  compartmentLabel?: string | null;
  label?: string;
  /** Given by a parent that must remember the request across screens (one alert per problem). */
  requested?: boolean;
  onRequested?: () => void;
}) {
  const { t } = useI18n();
  const [request] = useMutation(RequestAssistanceDoc);
  const [ownDone, setOwnDone] = useState(false);
  const done = requested ?? ownDone;
  const setDone = (value: boolean) => {
    setOwnDone(value);
    if (value) onRequested?.();
  };
  const submit = useSubmit(async () => {
    await request({
      variables: {
        siteId,
        payload: payload ?? null,
        compartmentLabel: compartmentLabel || null,
        reason: DOOR_DID_NOT_OPEN,
      },
    });
    setDone(true);
  });
  if (done)
    return (
      <p className="notice ok big" role="status">
        {t('help.coming')}
      </p>
    );
  return (
    <>
      <button type="button" className="btn warn" disabled={submit.busy} onClick={() => void submit.run()}>
        {submit.busy ? t('common.working') : (label ?? t('help.doorDidNotOpen'))}
      </button>
      <ErrorNotice code={submit.error} onRetry={() => void submit.run()} />
    </>
  );
}
