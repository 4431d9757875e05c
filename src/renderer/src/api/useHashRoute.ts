import { notifications } from '@mantine/notifications';
import { useCallback, useSyncExternalStore } from 'react';

const screenOf = (hash: string): string => hash.replace(/^#/, '').split('?')[0] || '/';

/*
 * A notification belongs to the screen that showed it: on moving to another screen the notifications shown
 * so far (and those queued) are cleaned, so that a toast does not cover the next screen's table. Registered
 * before any component subscribes, it runs before the new screen renders, so a toast the new screen shows
 * (an error arriving after navigation) stays. Changing only the query (another student on /students) keeps them.
 */
let currentScreen = screenOf(window.location.hash);
window.addEventListener('hashchange', () => {
  const next = screenOf(window.location.hash);
  if (next === currentScreen) return;
  currentScreen = next;
  notifications.clean();
});

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current screen as the URL hash names it ("#/orphans?programme=3"), and a way to go elsewhere. */
export function useHashRoute(): { path: string; params: URLSearchParams; navigate(to: string): void } {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const [path = '/', query = ''] = hash.replace(/^#/, '').split('?');
  const navigate = useCallback((to: string) => {
    window.location.hash = to;
  }, []);
  return { path: path || '/', params: new URLSearchParams(query), navigate };
}
