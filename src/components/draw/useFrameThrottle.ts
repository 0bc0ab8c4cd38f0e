// Runs a callback at most once per animation frame with the latest value: live updates while drawing without doing work per pointer sample.
import { useCallback, useEffect, useRef } from 'react';

export function useFrameThrottle<T>(callback: (value: T) => void): (value: T) => void {
  const latest = useRef<{ value: T } | null>(null);
  const frame = useRef<number | null>(null);
  const callbackRef = useRef(callback);
  useEffect(() => {
    callbackRef.current = callback;
  }, [callback]);
  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );
  return useCallback((value: T) => {
    latest.current = { value };
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      const pending = latest.current;
      latest.current = null;
      if (pending) callbackRef.current(pending.value);
    });
  }, []);
}
