// API keys for third parties (ADMIN): scopes chosen from the known ones, all sites or chosen
// ones, secret shown once.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { errorMessage } from '../../api/errors';
import { formatDateTime } from '../../ui/format';
import { SecretOnce } from '../../ui/secret-once';
import { ApiKeysQuery, CreateApiKeyMutation, RevokeApiKeyMutation } from './setup.operations';
import { useSite } from '../../app/site-context';
import { SitePicker, sitesLabel, type SiteChoice } from './site-picker';

// The scopes the contract names; the server decides which exist.
const SCOPES = ['sites:read', 'sessions:read', 'reports:read', 'events:subscribe'];

/** The API key list, the new-key form and revoke. */
export function ApiKeysSection() {
  const { data, error, refetch } = useQuery(ApiKeysQuery, { fetchPolicy: 'cache-and-network' });
  const [create, { loading }] = useMutation(CreateApiKeyMutation);
  const [revoke] = useMutation(RevokeApiKeyMutation);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [keySites, setKeySites] = useState<SiteChoice>(null);
  const { sites } = useSite();
  const [formError, setFormError] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSecret(null);
    if (!name.trim()) return setFormError('Name the key after who uses it.');
    if (scopes.length === 0) return setFormError('Choose at least one scope.');
    if (keySites !== null && keySites.length === 0)
      return setFormError('Choose at least one site, or All sites.');
    setFormError(null);
    try {
      const { data: d } = await create({ variables: { name: name.trim(), scopes, siteIds: keySites } });
      if (d) setSecret({ name: d.createApiKey.name, secret: d.createApiKey.secret });
      setName('');
      setScopes([]);
      setKeySites(null);
      void refetch();
    } catch (err) {
      setFormError(errorMessage(err));
    }
  }

  return (
    <section aria-labelledby="keys-title">
      <h2 id="keys-title">API keys</h2>
      {error && (
        <p role="alert" className="error">
          {errorMessage(error)}
        </p>
      )}
      <table className="table" aria-label="API keys">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Scopes</th>
            <th scope="col">Sites</th>
            <th scope="col">Created</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {(data?.apiKeys ?? []).map((k) => (
            <tr key={k.id}>
              <td>{k.name}</td>
              <td>{k.scopes.join(', ')}</td>
              <td>{sitesLabel(k.siteIds, sites)}</td>
              <td>{formatDateTime(k.createdAt)}</td>
              <td>
                {k.revokedAt ? (
                  `Revoked ${formatDateTime(k.revokedAt)}`
                ) : (
                  <button
                    type="button"
                    className="danger"
                    onClick={() => {
                      if (window.confirm(`Revoke the key “${k.name}”? Its users lose access at once.`)) {
                        revoke({ variables: { id: k.id } }).catch((err: unknown) =>
                          setFormError(errorMessage(err)),
                        );
                      }
                    }}
                  >
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="card form"
        onSubmit={(e) => void submit(e)}
        aria-labelledby="key-form-title"
        noValidate
      >
        <h3 id="key-form-title">Create an API key</h3>
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <fieldset>
          <legend>Scopes</legend>
          {SCOPES.map((s) => (
            <label key={s} className="check">
              <input
                type="checkbox"
                checked={scopes.includes(s)}
                onChange={(e) => setScopes(e.target.checked ? [...scopes, s] : scopes.filter((x) => x !== s))}
              />
              <code>{s}</code>
            </label>
          ))}
        </fieldset>
        <SitePicker id="key-sites" value={keySites} onChange={setKeySites} sites={sites} />
        {formError && (
          <p role="alert" className="error">
            {formError}
          </p>
        )}
        <button type="submit" className="primary" disabled={loading}>
          Create key
        </button>
        {secret && <SecretOnce title={`Secret of “${secret.name}”`} secret={secret.secret} />}
      </form>
    </section>
  );
}
