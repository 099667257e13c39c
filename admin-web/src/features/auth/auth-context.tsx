// Who is signed in, with which token and role. Owns the Apollo client: a new token means a
// new client (and a new WebSocket carrying that token).
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApolloProvider } from '@apollo/client/react';
import { createApiSession, type ApiSession } from '../../api/client';
import { readToken, writeToken } from '../../api/token-storage';
import type { MeQuery } from '../../api/generated/graphql';
import { MeQuery as MeDoc } from './auth.operations';

/** The signed-in user, as `me` returns it. */
export type CurrentUser = NonNullable<MeQuery['me']>;

interface AuthValue {
  user: CurrentUser | null;
  session: ApiSession;
  signIn: (token: string, user: CurrentUser) => void;
  signOut: () => void;
}

const AuthContext = createContext<AuthValue | null>(null);

/** The current auth state; throws outside <AuthProvider>. */
export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** Provides auth state and the Apollo client for the current token. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<string | null>(() => readToken());
  const [user, setUser] = useState<CurrentUser | null>(null);
  const [checking, setChecking] = useState<boolean>(() => readToken() !== null);
  const signOut = useCallback(() => {
    writeToken(null);
    setUser(null);
    setToken(null);
    // Also ends the start-up check: a stale token refused by `me` lands on the sign-in form.
    setChecking(false);
  }, []);
  const session = useMemo(() => createApiSession(token, signOut), [token, signOut]);

  useEffect(() => () => session.dispose(), [session]);

  // A stored token from an earlier page load: ask the server who it belongs to.
  useEffect(() => {
    if (!token || user) return;
    let cancelled = false;
    session.apollo
      .query({ query: MeDoc, fetchPolicy: 'network-only' })
      .then(({ data }) => {
        if (cancelled) return;
        if (data?.me) setUser(data.me);
        else {
          writeToken(null);
          setToken(null);
        }
      })
      .catch(() => {
        if (cancelled) return;
        writeToken(null);
        setToken(null);
      })
      .finally(() => !cancelled && setChecking(false));
    return () => {
      cancelled = true;
    };
  }, [session, token, user]);

  const signIn = useCallback((nextToken: string, nextUser: CurrentUser) => {
    writeToken(nextToken);
    setUser(nextUser);
    setToken(nextToken);
    setChecking(false);
  }, []);

  const value = useMemo(() => ({ user, session, signIn, signOut }), [user, session, signIn, signOut]);
  if (checking) return <p className="page-status">Checking your sign-in…</p>;
  return (
    <AuthContext.Provider value={value}>
      <ApolloProvider client={session.apollo}>{children}</ApolloProvider>
    </AuthContext.Provider>
  );
}
