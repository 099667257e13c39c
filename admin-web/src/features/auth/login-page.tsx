import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { errorCode, errorMessage } from '../../api/errors';
import { LoginMutation } from './auth.operations';
import { useAuth } from './auth-context';

/** Email and password sign-in. */
export function LoginPage() {
  const { signIn, notice } = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [login, { loading, error }] = useMutation(LoginMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const { data } = await login({ variables: { email: email.trim(), password } }).catch(() => ({
      data: undefined,
    }));
    if (data) signIn(data.login.token, data.login.user);
  }

  return (
    <main className="login">
      <form onSubmit={(e) => void submit(e)} className="card login-card" aria-labelledby="login-title">
        <h1 id="login-title">Locker operations</h1>
        {notice && !error && (
          <p role="alert" className="notice">
            {notice}
          </p>
        )}
        <label>
          Email
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          Password
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {errorCode(error) === 'UNAUTHENTICATED' ? 'Wrong email or password.' : errorMessage(error)}
          </p>
        )}
        <button type="submit" className="primary" disabled={loading}>
          {loading ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
