import { useEffect, useState } from 'react';

/**
 * The current time, renewed every minute, so a page left open moves a task from "today" to "overdue"
 * when its due time passes without a reload.
 */
export function useNow(everyMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
