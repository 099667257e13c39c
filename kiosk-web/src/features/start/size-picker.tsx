import { type CompartmentSize, type SizeOffer } from '../../api/types';
import { formatMinutes, formatPrice } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { largestBagThatFits } from './size-guide';

/** Sizes in the order people think of them. */
export const ALL_SIZES: readonly CompartmentSize[] = ['SMALL', 'MEDIUM', 'LARGE', 'XLARGE'];

/**
 * One big button per size with what is free and the price. Only sizes whose price and
 * availability are known are offered: nothing is sold without its price.
 */
export function SizePicker({
  offers,
  disabled,
  onPick,
}: {
  offers: readonly SizeOffer[];
  disabled?: boolean;
  onPick: (size: CompartmentSize) => void;
}) {
  const { t, locale } = useI18n();
  const rows = offers.filter((o) => o.tariff != null && o.total > 0);
  const fits = (d: NonNullable<SizeOffer['dimensions']>) => {
    const bag = largestBagThatFits(d);
    return bag ? ` · ${t(`bag.${bag.kind}`, { w: bag.w, h: bag.h, d: bag.d })}` : '';
  };
  if (rows.length === 0) return <p className="notice">{t('start.noSizes')}</p>;
  return (
    <ul className="size-list" role="list">
      {rows.map((o) => {
        const full = o.free === 0;
        return (
          <li key={o.size}>
            <button
              type="button"
              className="btn size"
              disabled={disabled || full}
              onClick={() => onPick(o.size)}
              data-size={o.size}
            >
              <span className="size-name">{t(`size.${o.size}`)}</span>
              {o.tariff ? <span className="size-price">{formatPrice(o.tariff.price, locale, t)}</span> : null}
              <span className="size-free">
                {full ? t('start.full') : t('start.free', { free: o.free, total: o.total })}
              </span>
              {o.dimensions ? (
                <span className="size-guide" data-testid={`size-guide-${o.size}`}>
                  {t('size.inside', {
                    w: o.dimensions.widthCm,
                    h: o.dimensions.heightCm,
                    d: o.dimensions.depthCm,
                  })}
                  {fits(o.dimensions)}
                </span>
              ) : null}
              {o.tariff ? (
                <span className="size-terms">
                  {t('start.included', { duration: formatMinutes(o.tariff.includedMinutes, locale) })}
                  {o.tariff.overduePerHour.amount > 0
                    ? ` · ${t('start.overdue', { price: formatPrice(o.tariff.overduePerHour, locale, t) })}`
                    : ''}
                </span>
              ) : null}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
