// One account in the users list (ADMIN): edit (name, role, sites), deactivate or reactivate,
// password reset, sign-out-everywhere, delete. The server refuses acting on your own account and removing
// the last active ADMIN; its answer is shown beside the action.
import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { errorMessage } from '../../api/errors';
import type { Role, UsersQuery } from '../../api/generated/graphql';
import { ConfirmAction } from '../../ui/confirm-action';
import { formatDateTime, humanize } from '../../ui/format';
import { SecretOnce } from '../../ui/secret-once';
import {
  DeactivateUserMutation,
  DeleteUserMutation,
  ReactivateUserMutation,
  ResetUserPasswordMutation,
  SetUserSitesMutation,
  SignOutUserEverywhereMutation,
  UpdateUserMutation,
} from './lifecycle.operations';
import type { SiteSummary } from '../../app/site-context';
import { ADMIN_ALL_SITES, SitePicker, sameSites, sitesLabel, type SiteChoice } from './site-picker';

type User = UsersQuery['users'][number];
const ROLES: Role[] = ['ADMIN', 'OPERATOR', 'VIEWER'];

/** A row of the users table with its actions; `self` hides what nobody may do to their own account. */
export function UserRow({
  user,
  self,
  sites,
  onChanged,
}: {
  user: User;
  self: boolean;
  sites: readonly SiteSummary[];
  onChanged: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const [password, setPassword] = useState<string | null>(null);
  const [deactivate] = useMutation(DeactivateUserMutation);
  const [reactivate] = useMutation(ReactivateUserMutation);
  const [remove] = useMutation(DeleteUserMutation);
  const [reset] = useMutation(ResetUserPasswordMutation);
  const [signOut] = useMutation(SignOutUserEverywhereMutation);
  const variables = { userId: user.id };
  const then = (p: Promise<unknown>) => p.then(onChanged);

  return (
    <tr data-testid={`user-${user.email}`}>
      <td>{user.email}</td>
      <td>{user.name ?? <span className="muted">—</span>}</td>
      <td>{humanize(user.role)}</td>
      <td>{sitesLabel(user.siteIds, sites)}</td>
      <td>{user.disabledAt ? `Deactivated ${formatDateTime(user.disabledAt)}` : 'Active'}</td>
      <td>
        <div className="row-actions">
          {editing ? (
            <UserEditForm
              user={user}
              self={self}
              sites={sites}
              onDone={() => {
                setEditing(false);
                onChanged();
              }}
            />
          ) : (
            <button type="button" onClick={() => setEditing(true)}>
              Edit
            </button>
          )}
          {!self &&
            (user.disabledAt ? (
              <ConfirmAction
                label="Reactivate"
                question={`${user.email} may sign in again.`}
                onConfirm={() => then(reactivate({ variables }))}
              />
            ) : (
              <ConfirmAction
                danger
                label="Deactivate"
                question={`${user.email} is signed out everywhere and cannot sign in.`}
                onConfirm={() => then(deactivate({ variables }))}
              />
            ))}
          <ConfirmAction
            label="Reset password"
            question="A new password is generated and shown once; every session of this account ends."
            onConfirm={async () => {
              const { data } = await reset({ variables });
              setPassword(data?.resetUserPassword.oneTimePassword ?? null);
            }}
          />
          {!self && (
            <ConfirmAction
              label="Sign out everywhere"
              question="Every session of this account ends now."
              onConfirm={() => then(signOut({ variables }))}
            />
          )}
          {!self && (
            <ConfirmAction
              danger
              label="Delete"
              question={`${user.email} is removed for good.`}
              onConfirm={() => then(remove({ variables }))}
            />
          )}
          {password && <SecretOnce title={`New password of ${user.email}`} secret={password} />}
        </div>
      </td>
    </tr>
  );
}

function UserEditForm({
  user,
  self,
  sites,
  onDone,
}: {
  user: User;
  self: boolean;
  sites: readonly SiteSummary[];
  onDone: () => void;
}) {
  const [name, setName] = useState(user.name ?? '');
  const [role, setRole] = useState<Role>(user.role);
  const [chosen, setChosen] = useState<SiteChoice>(user.siteIds ? [...user.siteIds] : null);
  const [error, setError] = useState<string | null>(null);
  const [update, { loading }] = useMutation(UpdateUserMutation);
  const [setSites, { loading: savingSites }] = useMutation(SetUserSitesMutation);
  // an ADMIN is always all sites: making one widens the account first, or the server refuses
  const siteIds = role === 'ADMIN' ? null : chosen;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (name.trim().length > 120) return setError('A name is at most 120 characters.');
    if (siteIds !== null && siteIds.length === 0) return setError('Choose at least one site, or All sites.');
    const sitesChanged = !sameSites(siteIds, user.siteIds ?? null);
    const saveSites = () => setSites({ variables: { userId: user.id, siteIds } });
    try {
      // widening to all sites goes first (a new ADMIN needs it); narrowing after a role change
      if (sitesChanged && siteIds === null) await saveSites();
      await update({
        variables: { userId: user.id, name: name.trim(), role: role === user.role ? null : role },
      });
      if (sitesChanged && siteIds !== null) await saveSites();
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} aria-label={`Edit ${user.email}`}>
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        Role
        <select value={role} disabled={self} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {humanize(r)}
            </option>
          ))}
        </select>
      </label>
      {role !== user.role && <span className="muted">A new role signs the account out everywhere.</span>}
      <SitePicker
        id={`user-sites-${user.id}`}
        value={siteIds}
        onChange={setChosen}
        sites={sites}
        lockedToAll={role === 'ADMIN' ? ADMIN_ALL_SITES : undefined}
      />
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
      <button type="submit" className="primary" disabled={loading || savingSites}>
        Save
      </button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}
