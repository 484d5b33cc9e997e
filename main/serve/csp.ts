/**
 * The renderer's Content-Security-Policy, sent as a header by both shells (the same policy is in the meta tag of
 * renderer/index.html, checked by a test): only our own scripts, styles and connections; no plugins, frames or
 * form posts elsewhere.
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
