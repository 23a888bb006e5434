import { useEffect, useState } from 'react';
import { mainNow } from '../../clock/main-clock';

/** The current time by main's clock, re-read every second while `active`: drives the live expiry countdown. */
export function useNow(active: boolean): number {
  const [now, setNow] = useState(() => mainNow());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(mainNow()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}
