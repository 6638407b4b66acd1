// Entry: i18n, preferences (language, elderly mode, antd theme), the signed-in user, then the router.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import './i18n';
import './styles.css';
import { registerNamespace } from './i18n';
import { features } from './features';
import { FeaturesContext } from './features/context';
import { AuthProvider } from './auth';
import { PrefsProvider } from './shell/prefs';
import { router } from './router';

for (const f of features) registerNamespace(f.id, f.i18n.zh, f.i18n.en);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <FeaturesContext.Provider value={features}>
      <PrefsProvider>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </PrefsProvider>
    </FeaturesContext.Provider>
  </StrictMode>,
);
