// Users, their roles and sites (ADMIN): the list with each account's actions, and a form to add one.
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { errorMessage } from '../../api/errors';
import type { Role } from '../../api/generated/graphql';
import { FieldError } from '../../ui/field-error';
import { humanize } from '../../ui/format';
import { CreateUserMutation, UsersQuery } from './setup.operations';
import { UserRow } from './user-row';
import { useAuth } from '../auth/auth-context';
import { MIN_PASSWORD, validateUser, type UserDraft, type UserField } from './user-validation';
import { useSite, type SiteSummary } from '../../app/site-context';
import { ADMIN_ALL_SITES, SitePicker } from './site-picker';

const EMPTY: UserDraft = { email: '', password: '', repeat: '', role: '', sites: null };
const ROLES: { role: Role; what: string }[] = [
  { role: 'ADMIN', what: 'everything, including set-up, users and API keys' },
  { role: 'OPERATOR', what: 'runs sites: sessions, alerts, remote open, out of service' },
  { role: 'VIEWER', what: 'reads only' },
];

/** The users list and the new-user form. */
export function UsersSection() {
  const { data, error, refetch } = useQuery(UsersQuery, { fetchPolicy: 'cache-and-network' });
  const { user: me } = useAuth();
  const { sites } = useSite();
  return (
    <section aria-labelledby="users-title">
      <h2 id="users-title">Users and roles</h2>
      {error && (
        <p role="alert" className="error">
          {errorMessage(error)}
        </p>
      )}
      <table className="table" aria-label="Users">
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Sites</th>
            <th scope="col">Status</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {(data?.users ?? []).map((u) => (
            <UserRow
              key={u.id}
              user={u}
              self={u.id === me?.id}
              sites={sites}
              onChanged={() => void refetch()}
            />
          ))}
        </tbody>
      </table>
      <UserForm sites={sites} onCreated={() => void refetch()} />
    </section>
  );
}

/** The new-user form (exported for its validation test). */
export function UserForm({
  onCreated,
  sites = [],
}: {
  onCreated: () => void;
  sites?: readonly SiteSummary[];
}) {
  const [draft, setDraft] = useState<UserDraft>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<UserField, string>>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [create, { loading }] = useMutation(CreateUserMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    const r = validateUser(draft);
    if (!r.ok) {
      setErrors(r.errors);
      return;
    }
    setErrors({});
    try {
      const { data } = await create({ variables: r.value });
      setMessage({
        ok: true,
        text: `${data?.createUser.email} can now sign in as ${data?.createUser.role.toLowerCase()}.`,
      });
      setDraft(EMPTY);
      onCreated();
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    }
  }

  const text = (field: 'email' | 'password' | 'repeat', label: string, type: string) => (
    <label>
      {label}
      <input
        type={type}
        value={draft[field]}
        autoComplete={type === 'password' ? 'new-password' : 'off'}
        onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
        aria-invalid={Boolean(errors[field])}
        aria-describedby={`user-${field}-err`}
      />
      <FieldError id={`user-${field}-err`} message={errors[field]} />
    </label>
  );

  return (
    <form className="card form" onSubmit={(e) => void submit(e)} aria-labelledby="user-form-title" noValidate>
      <h3 id="user-form-title">Add a user</h3>
      <div className="grid-form">
        {text('email', 'Email', 'email')}
        {text('password', `Password (at least ${MIN_PASSWORD} characters)`, 'password')}
        {text('repeat', 'Repeat password', 'password')}
      </div>
      <fieldset aria-describedby="user-role-err">
        <legend>Role</legend>
        {ROLES.map(({ role, what }) => (
          <label key={role} className="check">
            <input
              type="radio"
              name="role"
              value={role}
              checked={draft.role === role}
              onChange={() => setDraft({ ...draft, role })}
            />
            {humanize(role)} <span className="muted">— {what}</span>
          </label>
        ))}
        <FieldError id="user-role-err" message={errors.role} />
      </fieldset>
      <SitePicker
        id="user-sites"
        value={draft.sites}
        onChange={(next) => setDraft({ ...draft, sites: next })}
        sites={sites}
        lockedToAll={draft.role === 'ADMIN' ? ADMIN_ALL_SITES : undefined}
        error={errors.sites}
      />
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok' : 'error'}>
          {message.text}
        </p>
      )}
      <button type="submit" className="primary" disabled={loading}>
        Create user
      </button>
    </form>
  );
}
