import { useAuth } from '../features/auth/auth-context';
import { can } from '../features/auth/permissions';
import { SoundToggle } from '../features/alerts/sound-toggle';
import { ConnectionBadge } from './connection-badge';
import { href, useRoute } from './router';
import { useSite } from './site-context';

/** Navigation, site picker, connection state, who is signed in. */
export function Header() {
  const { user, signOut } = useAuth();
  const { sites, site, selectSite } = useSite();
  const [section = 'board'] = useRoute();
  const links: [string, string][] = [
    ['board', 'Board'],
    ['sessions', 'Sessions'],
    ['alerts', 'Alerts'],
    ['assistance', 'Assistance'],
    ['reports', 'Reports'],
  ];
  if (can(user?.role, 'audit')) links.push(['audit', 'Audit']);
  if (can(user?.role, 'setup')) links.push(['setup', 'Set-up']);

  return (
    <header className="app-header">
      <strong className="brand">Lockers</strong>
      <nav aria-label="Main">
        {links.map(([id, label]) => (
          <a key={id} href={href(id)} aria-current={section === id ? 'page' : undefined}>
            {label}
          </a>
        ))}
      </nav>
      <label className="site-picker">
        Site
        <select
          aria-label="Site"
          value={site?.id ?? ''}
          onChange={(e) => selectSite(e.target.value)}
          disabled={sites.length === 0}
        >
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.retiredAt ? `${s.name} (retired)` : s.name}
            </option>
          ))}
        </select>
      </label>
      <ConnectionBadge />
      <SoundToggle />
      <span className="who" data-testid="who">
        {user?.email} · <span data-testid="role">{user?.role.toLowerCase()}</span>
      </span>
      <button type="button" onClick={signOut}>
        Sign out
      </button>
    </header>
  );
}
