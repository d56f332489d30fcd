import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProviders } from './app/providers.tsx';
import { AppRoutes } from './app/routes.tsx';
import { rememberedLanguage, setLanguage } from './i18n/i18n.ts';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The page opens in the language this browser last used (the sign-in page included); a signed-in person's own
// choice, kept on their user, then takes over (app/require-session.tsx). Chinese is fetched before the first paint
// so no English flashes by; should that fetch fail, the page opens in English rather than not at all.
await setLanguage(rememberedLanguage()).catch(() => undefined);

createRoot(root).render(
  <StrictMode>
    <AppProviders>
      <AppRoutes />
    </AppProviders>
  </StrictMode>,
);
