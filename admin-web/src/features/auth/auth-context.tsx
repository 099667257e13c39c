// Who is signed in, with which token and role. Owns the Apollo client: a new token means a
// new client (and a new WebSocket carrying that token).
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { ApolloProvider } from '@apollo/client/react';
import { createApiSession, type ApiSession } from '../../api/client';
import { isTransient } from '../../api/retry';
import { readToken, writeToken } from '../../api/token-storage';
import { ASK_TIMEOUT_MS, joinTabs, type TabMessage, type TabSync } from '../../api/tab-sync';
import type { MeQuery } from '../../api/generated/graphql';
import { MeQuery as MeDoc } from './auth.operations';

/** The signed-in user, as `me` returns it. */
export type CurrentUser = NonNullable<MeQuery['me']>;

interface AuthValue {
  user: CurrentUser | null;
  session: ApiSession;
  /** Why the person is at the sign-in form when it was not their choice (an ended sign-in). */
  notice: string | null;
  signIn: (token: string, user: CurrentUser) => void;
  signOut: () => void;
}

/** Shown at the sign-in form when the server no longer accepts the token. */
export const SIGNED_OUT_NOTICE =
  'You were signed out: your sign-in expired or was ended. Please sign in again.';

/** Shown while a stored sign-in cannot be checked because the server does not answer. */
export const UNREACHABLE_NOTICE =
  'Cannot reach the server to check your sign-in. Trying again every few seconds; you stay signed in.';

/** How long to wait before asking the server about a stored sign-in again. */
const RECHECK_MS = 5_000;

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
  // With no token of its own, a new tab first asks the open ones (api/tab-sync.ts).
  const [checking, setChecking] = useState<boolean>(
    () => readToken() !== null || typeof BroadcastChannel !== 'undefined',
  );
  const [notice, setNotice] = useState<string | null>(null);
  const tokenRef = useRef(token);
  tokenRef.current = token;
  const tabs = useRef<TabSync | null>(null);

  /** Forgets the sign-in in this tab only. */
  const clear = useCallback(() => {
    writeToken(null);
    setUser(null);
    setToken(null);
    setNotice(null);
    // Also ends the start-up check: a stale token refused by `me` lands on the sign-in form.
    setChecking(false);
  }, []);
  /** Adopts a sign-in made in another tab; `me` (below) says who it is. */
  const adopt = useCallback((next: string) => {
    writeToken(next);
    setUser(null);
    setToken(next);
    setNotice(null);
    setChecking(true);
  }, []);
  const signOut = useCallback(() => {
    clear();
    tabs.current?.post({ type: 'signed-out', expired: false });
  }, [clear]);
  // The server refused the token (expired, signed out everywhere, deactivated): say so, here
  // and in the other tabs (they hold the same token).
  const ended = useCallback(() => {
    clear();
    setNotice(SIGNED_OUT_NOTICE);
    tabs.current?.post({ type: 'signed-out', expired: true });
  }, [clear]);

  useEffect(() => {
    const onMessage = (m: TabMessage) => {
      if (m.type === 'who-is-signed-in') {
        if (tokenRef.current) tabs.current?.post({ type: 'signed-in', token: tokenRef.current });
      } else if (m.type === 'signed-in') {
        if (m.token !== tokenRef.current) adopt(m.token);
      } else if (tokenRef.current) {
        clear();
        if (m.expired) setNotice(SIGNED_OUT_NOTICE);
      }
    };
    const sync = joinTabs(onMessage);
    tabs.current = sync;
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (sync && !tokenRef.current) {
      sync.post({ type: 'who-is-signed-in' });
      // Nobody answered: this browser is not signed in.
      timer = setTimeout(() => !tokenRef.current && setChecking(false), ASK_TIMEOUT_MS);
    }
    return () => {
      clearTimeout(timer);
      sync?.close();
      tabs.current = null;
    };
  }, [adopt, clear]);
  const session = useMemo(() => createApiSession(token, ended), [token, ended]);

  useEffect(() => () => session.dispose(), [session]);

  // A stored token from an earlier page load: ask the server who it belongs to. Only the
  // server's refusal ends the sign-in; a server that cannot be reached (the network, a 5xx)
  // says nothing about the token, so it is kept and asked again.
  const [unreachable, setUnreachable] = useState(false);
  const [checkRound, setCheckRound] = useState(0);
  useEffect(() => {
    if (!token || user) return;
    let cancelled = false;
    let again: ReturnType<typeof setTimeout> | undefined;
    const refused = () => {
      writeToken(null);
      setToken(null);
      setNotice(SIGNED_OUT_NOTICE);
      setChecking(false);
    };
    session.apollo
      .query({ query: MeDoc, fetchPolicy: 'network-only' })
      .then(({ data }) => {
        if (cancelled) return;
        setUnreachable(false);
        if (data?.me) {
          setUser(data.me);
          setChecking(false);
        } else refused();
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        if (!isTransient(error)) return refused();
        setUnreachable(true);
        again = setTimeout(() => setCheckRound((n) => n + 1), RECHECK_MS);
      });
    return () => {
      cancelled = true;
      clearTimeout(again);
    };
  }, [session, token, user, checkRound]);

  const signIn = useCallback((nextToken: string, nextUser: CurrentUser) => {
    writeToken(nextToken);
    setUser(nextUser);
    setToken(nextToken);
    setNotice(null);
    setChecking(false);
    tabs.current?.post({ type: 'signed-in', token: nextToken });
  }, []);

  const value = useMemo(
    () => ({ user, session, notice, signIn, signOut }),
    [user, session, notice, signIn, signOut],
  );
  if (checking && unreachable)
    return (
      <div className="page-status">
        <p role="alert">{UNREACHABLE_NOTICE}</p>
        <button type="button" onClick={() => setCheckRound((n) => n + 1)}>
          Try again
        </button>
      </div>
    );
  if (checking) return <p className="page-status">Checking your sign-in…</p>;
  return (
    <AuthContext.Provider value={value}>
      <ApolloProvider client={session.apollo}>{children}</ApolloProvider>
    </AuthContext.Provider>
  );
}
