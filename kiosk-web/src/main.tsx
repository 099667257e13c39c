import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './app/root';
import { parseRoute } from './app/route';
import './styles.css';

const route = parseRoute(window.location.pathname, window.location.search, import.meta.env.BASE_URL);
const container = document.getElementById('root');
if (!container) throw new Error('#root missing from index.html');
// The kiosk starts with no uplink from its service worker's cache; phones always have the server.
if (import.meta.env.PROD && route.kind === 'kiosk')
  void import('./app/register-service-worker').then((m) => m.registerServiceWorker());
createRoot(container).render(
  <StrictMode>
    <Root route={route} />
  </StrictMode>,
);
