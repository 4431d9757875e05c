import type { DeskApi } from '../shared/api';

declare global {
  interface Window {
    /** The desk API the preload exposes in the Electron window; absent in a browser, where the web bridge serves it. */
    desk?: DeskApi;
  }
}
