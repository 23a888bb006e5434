import { FluentProvider } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useOsTheme } from './theme/use-os-theme';

/** Theme (following the OS) around everything, including the screens shown before the bridge is up. */
export function Shell({ children }: { readonly children: ReactNode }) {
  const theme = useOsTheme();
  return (
    <FluentProvider theme={theme} style={{ minHeight: '100vh' }}>
      {children}
    </FluentProvider>
  );
}
