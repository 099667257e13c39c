import { useMutation } from '@apollo/client/react';
import { ChangeDepositSizeDoc } from '../../api/operations';
import { type CompartmentSize, type ScanResult } from '../../api/types';
import { useSubmit } from '../../api/use-submit';
import { useI18n } from '../../i18n/i18n';
import { ErrorNotice } from '../../ui/error-notice';
import { Screen } from '../../ui/screen';
import { ALL_SIZES, SizePicker } from '../start/size-picker';
import { useAvailability } from '../start/use-availability';

/**
 * "My bag does not fit": the larger sizes with their price and what is free. The server moves the
 * deposit (what was paid stays with it, only the difference is due) and answers as a scan would.
 */
export function LargerSize({
  siteId,
  payload,
  size,
  label,
  onResult,
  onBack,
}: {
  siteId: string;
  payload: string;
  size: CompartmentSize;
  label: string;
  onResult: (result: ScanResult) => void;
  onBack: () => void;
}) {
  const { t } = useI18n();
  const { site, loading, failed, retry } = useAvailability(siteId);
  const [change] = useMutation(ChangeDepositSizeDoc);
  const submit = useSubmit(async (chosen: CompartmentSize) => {
    const { data } = await change({ variables: { siteId, payload, size: chosen } });
    if (!data) throw new Error('no data');
    onResult(data.changeDepositSize);
    return data;
  });
  const larger = (site?.availability ?? []).filter(
    (o) => ALL_SIZES.indexOf(o.size) > ALL_SIZES.indexOf(size),
  );
  return (
    <Screen title={t('resize.heading')}>
      <p className="lead">{t('resize.closeOld', { label })}</p>
      <p>{t('resize.explain')}</p>
      {loading ? <p role="status">{t('start.loading')}</p> : null}
      {site && larger.length === 0 ? <p className="notice">{t('resize.none')}</p> : null}
      {site && larger.length > 0 ? (
        <SizePicker offers={larger} disabled={submit.busy} onPick={(s) => void submit.run(s)} />
      ) : null}
      {failed ? (
        <div className="notice error" role="alert">
          <p>{t('start.unavailable')}</p>
          <button type="button" className="btn primary" onClick={retry}>
            {t('common.tryAgain')}
          </button>
        </div>
      ) : null}
      <ErrorNotice code={submit.error} />
      <div className="actions">
        <button type="button" className="btn secondary" disabled={submit.busy} onClick={onBack}>
          {t('common.back')}
        </button>
      </div>
    </Screen>
  );
}
