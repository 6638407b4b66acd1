// The inbox's unread count, shared by the header badge and the inbox page.
import { useCallback, useEffect, useState } from 'react';
import { countUnreadNotifications } from './session-api';

const EVENT = 'minyi:unread-changed';

/** Call after marking notifications read so the header badge refreshes. */
export const announceUnreadChanged = () => window.dispatchEvent(new Event(EVENT));

export function useUnreadCount(enabled: boolean): number {
  const [count, setCount] = useState(0);
  const load = useCallback(async () => {
    if (!enabled) return setCount(0);
    try {
      const r = await countUnreadNotifications();
      setCount(r.unreadCount ?? 0);
    } catch {
      // the badge is best effort
    }
  }, [enabled]);
  useEffect(() => {
    void load();
    if (!enabled) return;
    const timer = window.setInterval(() => void load(), 60_000);
    const on = () => void load();
    window.addEventListener(EVENT, on);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(EVENT, on);
    };
  }, [enabled, load]);
  return count;
}
