// Keeps the previous value while a new one is equal to it, so memoised children and recharts see no change.
import { useState } from 'react';

export function useStableValue<T>(value: T, equal: (a: T, b: T) => boolean): T {
  const [kept, setKept] = useState(value);
  if (kept === value || equal(kept, value)) return kept;
  // React's pattern for state derived from the previous render: it re-renders at once, before committing.
  setKept(value);
  return value;
}
