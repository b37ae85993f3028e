import { useEffect, useState } from 'react';

/**
 * The current time, renewed every `intervalMs`: "3 分钟前" and SLA countdowns keep counting while a
 * page stays open, without each row running its own timer.
 */
export function useNow(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
