// Kiosks and gateways of a site (ADMIN): the lists with when each was last seen, token
// rotation and revocation, and registration (token shown once).
import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { errorMessage } from '../../api/errors';
import type { SetupSiteQuery } from '../../api/generated/graphql';
import { formatDateTime } from '../../ui/format';
import { SecretOnce } from '../../ui/secret-once';
import { RegisterGatewayMutation, RegisterKioskMutation } from './setup.operations';
import { DeviceTokenActions } from './device-token-actions';

type Site = NonNullable<SetupSiteQuery['site']>;

/** Kiosk and gateway lists with their register forms. */
export function DevicesSection({ site, onChanged }: { site: Site; onChanged: () => void }) {
  const [registerKiosk] = useMutation(RegisterKioskMutation);
  const [registerGateway] = useMutation(RegisterGatewayMutation);
  return (
    <section aria-labelledby="devices-title">
      <h2 id="devices-title">Kiosks and gateways</h2>
      <div className="two-col">
        <div>
          <h3>Kiosks</h3>
          <ul>
            {site.kiosks.map((k) => (
              <li key={k.id}>
                {k.name}{' '}
                <span className="muted">last seen {formatDateTime(k.lastSeenAt, site.timezone)}</span>{' '}
                <DeviceTokenActions
                  deviceId={k.id}
                  name={k.name}
                  timezone={site.timezone}
                  onChanged={onChanged}
                />
              </li>
            ))}
          </ul>
          <RegisterForm
            kind="kiosk"
            onRegister={async (name) => {
              const { data } = await registerKiosk({ variables: { siteId: site.id, name } });
              onChanged();
              return data?.registerKiosk.token ?? '';
            }}
          />
        </div>
        <div>
          <h3>Gateways</h3>
          <ul>
            {site.gateways.map((g) => (
              <li key={g.id}>
                {g.name} — {g.online ? 'online' : 'offline'}{' '}
                <span className="muted">last seen {formatDateTime(g.lastSeenAt, site.timezone)}</span>{' '}
                <DeviceTokenActions
                  deviceId={g.id}
                  name={g.name}
                  timezone={site.timezone}
                  onChanged={onChanged}
                />
              </li>
            ))}
          </ul>
          <RegisterForm
            kind="gateway"
            onRegister={async (name) => {
              const { data } = await registerGateway({ variables: { siteId: site.id, name } });
              onChanged();
              return data?.registerGateway.token ?? '';
            }}
          />
        </div>
      </div>
    </section>
  );
}

function RegisterForm({
  kind,
  onRegister,
}: {
  kind: 'kiosk' | 'gateway';
  onRegister: (name: string) => Promise<string>;
}) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [token, setToken] = useState<{ name: string; token: string } | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setToken(null);
    if (!name.trim()) return setError(`Name the ${kind}, e.g. "Hall entrance".`);
    setError(null);
    try {
      const t = await onRegister(name.trim());
      setToken({ name: name.trim(), token: t });
      setName('');
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <form className="card form" onSubmit={(e) => void submit(e)} aria-label={`Register a ${kind}`} noValidate>
      <label>
        New {kind} name
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" className="primary">
        Register {kind}
      </button>
      {token && <SecretOnce title={`Device token of ${kind} “${token.name}”`} secret={token.token} />}
    </form>
  );
}
