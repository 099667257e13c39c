import { useQuery } from '@apollo/client/react';
import { SiteHelpDoc } from '../../api/operations';
import { useI18n } from '../../i18n/i18n';

/** The site's help line as the operator set it (phone, opening hours); nulls until loaded or unset. */
export function useSiteHelp(siteId: string): { phone: string | null; hours: string | null } {
  const { data } = useQuery(SiteHelpDoc, { variables: { siteId } });
  return { phone: data?.site?.help.phone ?? null, hours: data?.site?.help.hours ?? null };
}

/**
 * The help line and its hours, when the operator gave them. On a phone the number is a link
 * that dials it; at the kiosk it is text to read (the kiosk cannot call).
 */
export function SiteHelpFacts({ siteId, dial = false }: { siteId: string; dial?: boolean }) {
  const { t } = useI18n();
  const { phone, hours } = useSiteHelp(siteId);
  if (!phone && !hours) return null;
  return (
    <dl className="facts site-help" aria-label={t('help.line')}>
      {phone ? (
        <>
          <dt>{t('help.line')}</dt>
          <dd data-testid="help-phone">
            {dial ? <a href={`tel:${phone.replace(/[^\d+]/g, '')}`}>{phone}</a> : phone}
          </dd>
        </>
      ) : null}
      {hours ? (
        <>
          <dt>{t('help.hours')}</dt>
          <dd data-testid="help-hours">{hours}</dd>
        </>
      ) : null}
    </dl>
  );
}
