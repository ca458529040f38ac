import { useEffect, useState } from 'react';
import { serverNow } from '../connection/assemblyStore';

/** The server's time, refreshed every `everyMs`: only the component that ticks re-renders. */
export function useServerNow(everyMs: number): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(serverNow()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
