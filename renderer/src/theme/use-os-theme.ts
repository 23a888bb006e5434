import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { useSyncExternalStore } from 'react';

const query = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const list = window.matchMedia(query);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

/** Light or dark, following the OS setting live (Electron maps nativeTheme onto prefers-color-scheme). */
export function useOsTheme(): Theme {
  const dark = useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
  return dark ? webDarkTheme : webLightTheme;
}
