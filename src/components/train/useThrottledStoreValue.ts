// A store value that re-renders its component at most once per interval, as an interruptible transition.
import { startTransition, useEffect, useState } from 'react';
import type { AppState } from '../../state/store';
import { useStore } from '../../state/store';

/**
 * The latest value is always shown in the end: a change inside the interval is drawn when it ends. `offsetMs`
 * delays every update, so two components with different offsets never redraw in the same task.
 */
export function useThrottledStoreValue<T>(
  select: (state: AppState) => T,
  intervalMs: number,
  offsetMs = 0,
): T {
  const [value, setValue] = useState(() => select(useStore.getState()));
  useEffect(() => {
    let lastShownMs = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const show = () => {
      timer = null;
      lastShownMs = performance.now();
      const next = select(useStore.getState());
      // A transition lets React render in slices; recharts' own layout and painting still run in one piece.
      startTransition(() => setValue(() => next));
    };
    show();
    const unsubscribe = useStore.subscribe((state, previous) => {
      if (select(state) === select(previous) || timer !== null) return;
      const waitMs = Math.max(offsetMs, lastShownMs + intervalMs - performance.now());
      if (waitMs <= 0) show();
      else timer = setTimeout(show, waitMs);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
    // `select` should be a module-level function: a new one per render would resubscribe every time.
  }, [select, intervalMs, offsetMs]);
  return value;
}
