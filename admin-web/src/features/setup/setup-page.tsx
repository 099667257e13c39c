// Set-up (ADMIN only): one tab per area.
import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { errorMessage } from '../../api/errors';
import { href } from '../../app/router';
import { useSite } from '../../app/site-context';
import { formatMoney, humanize } from '../../ui/format';
import { useAuth } from '../auth/auth-context';
import { can } from '../auth/permissions';
import { ApiKeysSection } from './api-keys-section';
import { BankAddressing, existingLayout } from './bank-addressing';
import { BankForm } from './bank-form';
import { DevicesSection } from './devices-section';
import { BankLifecycle, RetireSiteAction, RetireTariffAction } from './equipment-lifecycle';
import { SetupSiteQuery } from './setup.operations';
import { CreateSiteForm, SiteSettingsForm } from './site-forms';
import { SiteLocalNamesForm } from './site-local-names-form';
import { SiteHelpForm } from './site-help-form';
import { TariffForm } from './tariff-form';
import { UsersSection } from './users-section';
import { WebhooksSection } from '../webhooks/webhooks-section';

const TABS = [
  ['site', 'Sites'],
  ['banks', 'Banks'],
  ['tariffs', 'Tariffs'],
  ['devices', 'Kiosks & gateways'],
  ['users', 'Users'],
  ['keys', 'API keys'],
  ['webhooks', 'Webhooks'],
] as const;

/** The set-up page; `tab` comes from the route. */
export function SetupPage({ tab = 'site' }: { tab?: string }) {
  const { user } = useAuth();
  const { site, selectSite, refetchSites } = useSite();
  const { data, error, refetch } = useQuery(SetupSiteQuery, {
    variables: { id: site?.id ?? '' },
    skip: !site,
    fetchPolicy: 'cache-and-network',
  });
  const banks = data?.site?.banks;
  const existing = useMemo(() => existingLayout(banks ?? []), [banks]);
  if (!can(user?.role, 'setup')) return <p className="page-status">Set-up is for admins.</p>;
  const s = data?.site;
  const reload = () => void refetch();

  return (
    <main className="page">
      <h1>Set-up{site ? ` · ${site.name}` : ''}</h1>
      <nav className="tabs" aria-label="Set-up areas">
        {TABS.map(([id, label]) => (
          <a key={id} href={href('setup', id)} aria-current={tab === id ? 'page' : undefined}>
            {label}
          </a>
        ))}
      </nav>
      {error && (
        <p role="alert" className="error">
          {errorMessage(error)}
        </p>
      )}
      {tab === 'site' && (
        <div className="two-col">
          {s && (
            <div>
              <SiteSettingsForm key={s.id} site={s} onSaved={() => void refetchSites()} />
              <SiteLocalNamesForm key={`names-${s.id}`} site={s} onSaved={reload} />
              <SiteHelpForm key={`help-${s.id}`} siteId={s.id} />
              <RetireSiteAction
                site={s}
                onChanged={() => {
                  reload();
                  void refetchSites();
                }}
              />
            </div>
          )}
          <CreateSiteForm
            onCreated={(id) => {
              void refetchSites().then(() => selectSite(id));
            }}
          />
        </div>
      )}
      {tab === 'banks' && s && (
        <>
          <BankLifecycle site={s} onChanged={reload} />
          <BankAddressing banks={s.banks} presets={data?.boardProfiles ?? []} onChanged={reload} />
          <BankForm
            siteId={s.id}
            existing={existing}
            presets={data?.boardProfiles ?? []}
            onCreated={reload}
          />
        </>
      )}
      {tab === 'tariffs' && s && (
        <>
          <table className="table" aria-label="Tariffs">
            <thead>
              <tr>
                <th scope="col">Size</th>
                <th scope="col">Price</th>
                <th scope="col">Included</th>
                <th scope="col">Overdue per hour</th>
                <th scope="col">Grace</th>
                <th scope="col">Security alert after</th>
                <th scope="col">Offered</th>
              </tr>
            </thead>
            <tbody>
              {s.tariffs.map((t) => (
                <tr key={t.id}>
                  <td>{humanize(t.size)}</td>
                  <td>{formatMoney(t.price)}</td>
                  <td>{t.includedMinutes} min</td>
                  <td>{formatMoney(t.overduePerHour)}</td>
                  <td>{t.graceMinutes} min</td>
                  <td>{t.securityAlertAfterMinutes} min</td>
                  <td>
                    <RetireTariffAction
                      siteId={s.id}
                      size={t.size}
                      retiredAt={t.retiredAt}
                      onChanged={reload}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <TariffForm key={s.id} siteId={s.id} tariffs={s.tariffs} onSaved={reload} />
        </>
      )}
      {tab === 'devices' && s && <DevicesSection site={s} onChanged={reload} />}
      {tab === 'users' && <UsersSection />}
      {tab === 'keys' && <ApiKeysSection />}
      {tab === 'webhooks' && <WebhooksSection />}
    </main>
  );
}
