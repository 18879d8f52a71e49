import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/500.css';
import '@fontsource/be-vietnam-pro/600.css';
import 'maplibre-gl/dist/maplibre-gl.css';
import './ui/styles.css';
import { readAddress, startApp } from './app/startApp.ts';
import { useAppStore } from './store/appStore.ts';
import { App } from './ui/App.tsx';

const address = readAddress(window.location.search);
useAppStore.getState().setLang(address.lang);
void startApp(address);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
