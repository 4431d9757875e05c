import { useCallback, useSyncExternalStore } from 'react';

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
