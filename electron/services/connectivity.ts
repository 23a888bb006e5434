/**
 * Tracks whether the machine is online and reports each change to `onChange` (the composition tells the window). The
 * probe is a port: Electron passes `net.isOnline()`, plain Node passes `hasNetworkInterface`. Neither sends traffic,
 * so the app starts and stays quiet with no network at all.
 */
export interface ConnectivityMonitor {
  isOnline(): boolean;
  stop(): void;
}

export function startConnectivityMonitor(probe: () => boolean, onChange: (online: boolean) => void, intervalMs = 5_000): ConnectivityMonitor {
  let online = probe();
  const timer = setInterval(() => {
    const now = probe();
    if (now !== online) {
      online = now;
      onChange(online);
    }
  }, intervalMs);
  timer.unref();
  return { isOnline: () => online, stop: () => clearInterval(timer) };
}
