// Pointer and keyboard handling shared by the canvas grids: hover or arrow keys pick a cell, click or Enter selects.
import { useState, type KeyboardEvent, type PointerEvent } from 'react';
import { cellAtPoint, moveCell, type GridShape } from './grid-cursor';

export interface GridCursor {
  /** The cell under the pointer or the keyboard cursor; null when neither is on the grid. */
  readonly active: number | null;
  readonly handlers: {
    onPointerMove(event: PointerEvent<HTMLElement>): void;
    onPointerLeave(): void;
    onClick(event: PointerEvent<HTMLElement> | React.MouseEvent<HTMLElement>): void;
    onKeyDown(event: KeyboardEvent<HTMLElement>): void;
    onFocus(): void;
    onBlur(): void;
  };
}

function cellOfEvent(
  shape: GridShape,
  event: { clientX: number; clientY: number; currentTarget: HTMLElement },
) {
  const box = event.currentTarget.getBoundingClientRect();
  return cellAtPoint(shape, event.clientX - box.left, event.clientY - box.top, box.width, box.height);
}

export function useGridCursor(
  shape: GridShape,
  selected: number | null,
  onSelect: (cell: number) => void,
): GridCursor {
  const [active, setActive] = useState<number | null>(null);
  return {
    active: active !== null && active < shape.count ? active : null,
    handlers: {
      onPointerMove: (event) => setActive(cellOfEvent(shape, event)),
      onPointerLeave: () => setActive(null),
      onClick: (event) => {
        const cell = cellOfEvent(shape, event);
        if (cell !== null) onSelect(cell);
      },
      onKeyDown: (event) => {
        const current = active ?? selected ?? 0;
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onSelect(current);
          return;
        }
        const next = moveCell(shape, current, event.key);
        if (next !== null) {
          event.preventDefault();
          setActive(next);
        }
      },
      onFocus: () => setActive((a) => a ?? selected ?? 0),
      onBlur: () => setActive(null),
    },
  };
}
