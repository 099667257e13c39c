import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './app/root';
import { parseRoute } from './app/route';
import './styles.css';

const route = parseRoute(window.location.pathname, window.location.search, import.meta.env.BASE_URL);
const container = document.getElementById('root');
if (!container) throw new Error('#root missing from index.html');
createRoot(container).render(
  <StrictMode>
    <Root route={route} />
  </StrictMode>,
);
