// Which sites a person or an API key may see and act on: all of them, or the chosen ones.
// The server has the last word (an ADMIN is always all sites; a list is never empty).
import type { SiteSummary } from '../../app/site-context';
import { FieldError } from '../../ui/field-error';

/** Why an ADMIN's sites cannot be chosen (the server's rule). */
export const ADMIN_ALL_SITES = 'an admin always has every site';

/** null: all sites; otherwise the chosen site ids. */
export type SiteChoice = string[] | null;

/** How a list shows someone's sites: "All sites", or the names (an unknown id as "a removed site"). */
export function sitesLabel(
  siteIds: readonly string[] | null | undefined,
  sites: readonly SiteSummary[],
): string {
  if (siteIds == null) return 'All sites';
  return siteIds.map((id) => sites.find((s) => s.id === id)?.name ?? 'a removed site').join(', ');
}

/** The same choice, compared as sets (the server keeps the list sorted). */
export function sameSites(a: SiteChoice, b: SiteChoice): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((id) => b.includes(id));
}

/**
 * "All sites" or "Chosen sites" with a checkbox per site. `lockedToAll` (an ADMIN) shows all
 * sites, not changeable, with the reason.
 */
export function SitePicker({
  id,
  value,
  onChange,
  sites,
  lockedToAll,
  error,
}: {
  id: string;
  value: SiteChoice;
  onChange: (next: SiteChoice) => void;
  sites: readonly SiteSummary[];
  lockedToAll?: string;
  error?: string;
}) {
  const open = sites.filter((s) => !s.retiredAt || value?.includes(s.id));
  const chosen = lockedToAll ? null : value;
  return (
    <fieldset aria-describedby={`${id}-err`} data-testid={id}>
      <legend>Sites</legend>
      <label className="check">
        <input
          type="radio"
          name={`${id}-scope`}
          checked={chosen === null}
          disabled={Boolean(lockedToAll)}
          onChange={() => onChange(null)}
        />
        All sites <span className="muted">— {lockedToAll ?? 'including sites added later'}</span>
      </label>
      <label className="check">
        <input
          type="radio"
          name={`${id}-scope`}
          checked={chosen !== null}
          disabled={Boolean(lockedToAll)}
          onChange={() => onChange([])}
        />
        Chosen sites
      </label>
      {chosen !== null && (
        <div role="group" aria-label="Sites to allow" className="site-choices">
          {open.map((s) => (
            <label key={s.id} className="check">
              <input
                type="checkbox"
                checked={chosen.includes(s.id)}
                onChange={(e) =>
                  onChange(e.target.checked ? [...chosen, s.id] : chosen.filter((x) => x !== s.id))
                }
              />
              {s.name}
            </label>
          ))}
        </div>
      )}
      <FieldError id={`${id}-err`} message={error} />
    </fieldset>
  );
}
