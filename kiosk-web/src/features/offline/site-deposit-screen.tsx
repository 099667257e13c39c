import { useEffect, useState } from 'react';
import { type CompartmentSize } from '../../api/types';
import { formatMinutes } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Screen } from '../../ui/screen';
import { ALL_SIZES } from '../start/size-picker';
import { depositAtSite, type SiteDepositRefusal, type SiteDepositTicket } from './site-deposits';
import { siteDepositTexts } from './site-deposit-texts';
import { type SiteStatus } from './site-path-client';
import { sitePathUrl } from './site-path-config';
import { formatCountdown, formatLocalTime } from './site-time';

/**
 * Storing luggage while the server is unreachable: the free sizes the site offers, with what is
 * free of each; when storing opens if it is not open yet; why paid sizes wait. Choosing a size
 * asks the site to open a locker (once: never resent by itself).
 */
export function SiteDepositScreen({
  status,
  checked,
  refresh,
  serverBack,
  onOpened,
  onUseServer,
  onBack,
}: {
  status: SiteStatus | null;
  checked: boolean;
  refresh: () => void;
  /** The server answers again: storing goes the usual way (all sizes, payment). */
  serverBack: boolean;
  onOpened: (ticket: SiteDepositTicket) => void;
  onUseServer: () => void;
  onBack: () => void;
}) {
  const { t, lang, locale } = useI18n();
  const texts = siteDepositTexts(lang);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<SiteDepositRefusal | null>(null);
  const deposits = status?.deposits ?? null;
  const now = useNowUntil(deposits?.openFrom ?? null, refresh);
  const opensAt = deposits?.openFrom ? Date.parse(deposits.openFrom) : null;
  const notYet = opensAt !== null && opensAt > now;
  const sizes = [...(deposits?.sizes ?? [])].sort(
    (a, b) => ALL_SIZES.indexOf(a.size) - ALL_SIZES.indexOf(b.size),
  );

  const pick = async (size: CompartmentSize) => {
    const base = sitePathUrl();
    if (!base || busy) return;
    setBusy(true);
    setRefusal(null);
    const answer = await depositAtSite(base, size, lang);
    setBusy(false);
    if (answer.ok) onOpened(answer.ticket);
    else {
      setRefusal(answer.refusal);
      refresh(); // what is free, or when storing opens, may have changed
    }
  };

  let body;
  if ((serverBack && !busy) || refusal === 'SERVER_REACHABLE')
    body = (
      <>
        {refusal ? null : <p className="notice ok">{texts.refusals.SERVER_REACHABLE}</p>}
        <button type="button" className="btn primary" onClick={onUseServer}>
          {t('home.store')}
        </button>
      </>
    );
  else if (!checked) body = <p className="notice">{texts.checking}</p>;
  else if (!status) body = <p className="notice error">{texts.unreachable}</p>;
  else if (!deposits?.openFrom) body = <p className="notice">{texts.notOffered}</p>;
  else if (notYet)
    body = (
      <p className="notice" data-testid="site-deposit-opens">
        {texts.opensIn(formatCountdown(opensAt - now), formatLocalTime(deposits.openFrom, locale))}
      </p>
    );
  else if (sizes.length === 0) body = <p className="notice">{texts.noSizes}</p>;
  else
    body = (
      <ul className="size-list" role="list">
        {sizes.map((s) => {
          const full = s.available === 0;
          return (
            <li key={s.size}>
              <button
                type="button"
                className="btn size"
                disabled={busy || full}
                onClick={() => void pick(s.size)}
                data-size={s.size}
              >
                <span className="size-name">{t(`size.${s.size}`)}</span>
                <span className="size-price">{texts.freeOfCharge}</span>
                <span className="size-free">{full ? texts.full : texts.free(s.available)}</span>
                <span className="size-terms">{texts.included(formatMinutes(s.includedMinutes, locale))}</span>
              </button>
            </li>
          );
        })}
      </ul>
    );

  return (
    <Screen title={texts.heading}>
      <div data-testid="site-deposit">
        <p>{texts.explain}</p>
        <p className="hint">{texts.paidWait}</p>
        {refusal ? (
          <p className="notice error" role="alert" data-testid="site-deposit-refusal">
            {texts.refusals[refusal]}
          </p>
        ) : null}
        {busy ? (
          <p className="notice" role="status">
            {texts.opening}
          </p>
        ) : null}
        {body}
        <div className="actions">
          <button type="button" className="btn secondary" disabled={busy} onClick={onBack}>
            {t('common.back')}
          </button>
        </div>
      </div>
    </Screen>
  );
}

/**
 * The current time, ticking every second while `until` is in the future (for the countdown);
 * calls `onReached` once it passes, so the site's status is read again.
 */
function useNowUntil(until: string | null, onReached: () => void): number {
  const [now, setNow] = useState(() => Date.now());
  const target = until ? Date.parse(until) : null;
  const waiting = target !== null && target > now;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= target) onReached();
    }, 1000);
    return () => clearInterval(timer);
  }, [waiting, target, onReached]);
  return waiting ? now : Date.now();
}
