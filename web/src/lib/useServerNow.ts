import { useEffect, useState } from "react";

/** The server's current time, from a fixed offset to the local clock, updated on each whole second. */
export function useServerNow(offsetMs: number): Date {
  const [now, setNow] = useState(() => new Date(Date.now() + offsetMs));
  useEffect(() => {
    let timer: number;
    const tick = () => {
      const serverMs = Date.now() + offsetMs;
      setNow(new Date(serverMs));
      // Aligned to the server's second boundary so the display never skips or repeats a second.
      timer = window.setTimeout(tick, 1000 - (serverMs % 1000) + 5);
    };
    tick();
    return () => window.clearTimeout(timer);
  }, [offsetMs]);
  return now;
}
