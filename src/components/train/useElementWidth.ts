// The width of a box, measured when it resizes (a ResizeObserver), never on a data update.
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** `fallback` is used until the first measurement (and where there is no layout, as in jsdom). */
export function useElementWidth<E extends HTMLElement>(fallback: number): [RefObject<E | null>, number] {
  const ref = useRef<E | null>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = (measured: number) => {
      // Whole pixels: sub-pixel jitter while the page lays out must not redraw the chart.
      const rounded = Math.floor(measured);
      if (rounded > 0) setWidth(rounded);
    };
    measure(element.getBoundingClientRect().width);
    const observer = new ResizeObserver((entries) => measure(entries[0].contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
