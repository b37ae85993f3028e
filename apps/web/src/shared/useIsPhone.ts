import { useSyncExternalStore } from 'react';

/** antd's `md` breakpoint: below it the sider becomes a drawer. */
const PHONE_QUERY = '(max-width: 767.98px)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(PHONE_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/**
 * True on phone-width screens. Read synchronously (unlike Grid.useBreakpoint, which reports
 * nothing on the first render), so a phone never flashes the desktop sider.
 */
export function useIsPhone(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(PHONE_QUERY).matches);
}
