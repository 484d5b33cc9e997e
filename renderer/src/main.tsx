/**
 * Renderer entry: makes sure `window.clawtray` exists (preload in Electron, the HTTP bridge in the web shell),
 * then renders the app.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';
import { installWebBridge } from './web-bridge';

if (!window.clawtray) installWebBridge();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
