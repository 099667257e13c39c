// The shell: sign-in gate, then header (navigation, site picker, live state) and the page
// the hash route names.
import { lazy, Suspense } from 'react';
import { AuthProvider, useAuth } from '../features/auth/auth-context';
import { LoginPage } from '../features/auth/login-page';
import { can } from '../features/auth/permissions';
import { AuditPage } from '../features/audit/audit-page';
import { AlertPage } from '../features/alerts/alert-page';
import { AlertsPage } from '../features/alerts/alerts-page';
import { AssistancePage } from '../features/alerts/assistance-page';
import { BoardPage } from '../features/board/board-page';
import { SessionPage } from '../features/sessions/session-page';
import { SessionsPage } from '../features/sessions/sessions-page';
import { SetupPage } from '../features/setup/setup-page';
import { Header } from './header';
import { useRoute } from './router';
import { SiteProvider } from './site-context';

// recharts is most of the bundle: load it only when someone opens the reports.
const ReportsPage = lazy(() =>
  import('../features/reports/reports-page').then((m) => ({ default: m.ReportsPage })),
);

/** The whole admin app. */
export function App() {
  return (
    <AuthProvider>
      <Gate />
    </AuthProvider>
  );
}

function Gate() {
  const { user } = useAuth();
  if (!user) return <LoginPage />;
  return (
    <SiteProvider>
      <Header />
      <Page />
    </SiteProvider>
  );
}

function Page() {
  const [section = 'board', id] = useRoute();
  const { user } = useAuth();
  switch (section) {
    case 'sessions':
      return id ? <SessionPage key={id} id={id} /> : <SessionsPage />;
    case 'alerts':
      return id ? <AlertPage key={id} id={id} /> : <AlertsPage />;
    case 'assistance':
      return <AssistancePage />;
    case 'reports':
      return (
        <Suspense fallback={<p className="page-status">Loading reports…</p>}>
          <ReportsPage />
        </Suspense>
      );
    case 'audit':
      return can(user?.role, 'audit') ? (
        <AuditPage />
      ) : (
        <p className="page-status">The audit log is for admins and operators.</p>
      );
    case 'setup':
      return can(user?.role, 'setup') ? (
        <SetupPage tab={id} />
      ) : (
        <p className="page-status">Set-up is for admins.</p>
      );
    default:
      return <BoardPage />;
  }
}
