/**
 * The Content-Security-Policy every page of the app is served with (DESIGN.md §6).
 *
 * Sent as a header by the Electron `app://` protocol and by the web bridge: scripts only from the
 * app itself, no plugins, no `<base>`, no form posts and no framing by another page.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  // The preview of a scanned document (PDF) in a frame, from a blob: URL the renderer made.
  'frame-src blob:',
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
