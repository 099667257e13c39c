import { useEffect, useMemo, useState } from 'react';
import { ApolloProvider, useQuery } from '@apollo/client/react';
import { SiteByAddressDoc } from '../../api/operations';
import { errorCode } from '../../api/errors';
import { ErrorNotice } from '../../ui/error-notice';
import { createApolloClient } from '../../api/client';
import { type IssuedCode } from '../../api/types';
import { I18nProvider, useI18n } from '../../i18n/i18n';
import { LanguageSwitch } from '../../i18n/language-switch';
import { useSiteName, type NamedSite } from '../../i18n/site-name';
import { ConnectionBanner } from '../../ui/connection-banner';
import { LostCode } from '../help/lost-code';
import { Feedback } from '../session/feedback';
import { StartFlow } from '../start/start-flow';
import { Ticket, type TicketExtras } from '../start/ticket';
import { MySession } from './my-session';
import { PhoneHelp } from './phone-help';
import { forgetPhoneCode, loadPhoneCode, loadPhoneShortCode, savePhoneCode } from './phone-code';

type Tab = 'get' | 'session' | 'recover' | 'feedback' | 'help';
const TABS: readonly Tab[] = ['get', 'session', 'recover', 'feedback', 'help'];
const TAB_LABEL = {
  get: 'phone.tabGet',
  session: 'phone.tabSession',
  recover: 'phone.tabRecover',
  feedback: 'phone.tabFeedback',
  help: 'phone.tabHelp',
} as const;

function PhonePage({ siteId, site }: { siteId: string; site: NamedSite }) {
  const { t } = useI18n();
  const siteName = useSiteName(site);
  const [payload, setPayload] = useState<string | null>(() => loadPhoneCode(siteId));
  const [tab, setTab] = useState<Tab>(payload ? 'session' : 'get');
  const [issued, setIssued] = useState<{ issued: IssuedCode; extras: TicketExtras } | null>(null);
  const keep = (code: string | null, shortCode: string | null = null) => {
    if (code) savePhoneCode(siteId, code, shortCode);
    else forgetPhoneCode(siteId);
    setPayload(code);
    setIssued(null);
  };
  const gotCode = (code: IssuedCode, extras: TicketExtras) => {
    keep(code.code.payload, code.code.shortCode ?? null);
    setIssued({ issued: code, extras });
  };

  let body;
  if (tab === 'get') {
    body = issued ? (
      <>
        <p className="notice ok" role="status">
          {t('phone.saved')}
        </p>
        <Ticket issued={issued.issued} extras={issued.extras} />
      </>
    ) : (
      <>
        <p>{t('phone.getExplain')}</p>
        <StartFlow siteId={siteId} live={false} onIssued={gotCode} />
      </>
    );
  } else if (tab === 'session') {
    body = (
      <MySession
        siteId={siteId}
        payload={payload}
        shortCode={payload ? loadPhoneShortCode(siteId) : null}
        onPayload={(p) => keep(p)}
      />
    );
  } else if (tab === 'recover') {
    body = issued ? (
      <Ticket issued={issued.issued} extras={issued.extras} />
    ) : (
      <LostCode
        siteId={siteId}
        onRecovered={(code) => gotCode(code, { hasContact: true, recovered: true })}
      />
    );
  } else if (tab === 'help') {
    body = <PhoneHelp siteId={siteId} payload={payload} />;
  } else {
    body = payload ? (
      <Feedback payload={payload} withComment />
    ) : (
      <MySession siteId={siteId} payload={null} onPayload={(p) => keep(p)} />
    );
  }
  return (
    <div className="phone">
      <header className="top">
        <div>
          <p className="brand">{t('phone.heading')}</p>
          <p className="site-name" data-testid="site-name">
            {siteName}
          </p>
        </div>
        <LanguageSwitch />
      </header>
      <ConnectionBanner />
      <nav className="tabs" aria-label={t('phone.heading')}>
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            className={name === tab ? 'tab active' : 'tab'}
            aria-current={name === tab ? 'page' : undefined}
            onClick={() => {
              setTab(name);
              setIssued(null);
            }}
          >
            {t(TAB_LABEL[name])}
          </button>
        ))}
      </nav>
      <main>{body}</main>
    </div>
  );
}

/**
 * The site a phone address names (slug, or the older site id). Once found, the address bar
 * shows the short form, so a page opened by the old address is shared by the new one.
 */
function PhoneSite({ address }: { address: string }) {
  const { t } = useI18n();
  const { data, error, loading, refetch } = useQuery(SiteByAddressDoc, { variables: { address } });
  const site = data?.siteByAddress;
  useEffect(() => {
    if (site && site.slug !== address) {
      const path = window.location.pathname.replace(
        /phone\/[^/]+\/?$/,
        `phone/${encodeURIComponent(site.slug)}`,
      );
      window.history.replaceState(null, '', path);
    }
  }, [site, address]);
  if (site) return <PhonePage siteId={site.id} site={site} />;
  return (
    <div className="phone">
      <header className="top">
        <p className="brand">{t('phone.heading')}</p>
        <LanguageSwitch />
      </header>
      <main>
        {loading ? <p role="status">{t('common.working')}</p> : null}
        {error ? (
          <ErrorNotice code={errorCode(error)} onRetry={() => void refetch().catch(() => undefined)} />
        ) : null}
        {data && !site ? <p className="notice error">{t('phone.unknownSite')}</p> : null}
      </main>
    </div>
  );
}

/** The depositor's own page for one site: public operations only, no device token. */
export function PhoneApp({ address }: { address: string }) {
  const client = useMemo(() => createApolloClient(null, { persistentSocket: false }), []);
  const initial = navigator.language.slice(0, 2);
  return (
    <ApolloProvider client={client}>
      <I18nProvider initial={initial === 'de' || initial === 'fr' || initial === 'es' ? initial : 'en'}>
        <PhoneSite address={address} />
      </I18nProvider>
    </ApolloProvider>
  );
}
