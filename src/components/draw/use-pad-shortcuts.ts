// Keyboard shortcuts for the pad: Escape or Delete clears, Ctrl+Z (Cmd+Z on a Mac) undoes the last stroke.
import { useEffect, useRef } from 'react';

/** Inputs that take no text: Escape or Ctrl+Z there (after picking a network, say) is meant for the pad. */
const NOT_TYPED = new Set(['radio', 'checkbox', 'button', 'submit', 'reset', 'range', 'color', 'file']);

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !NOT_TYPED.has(target.type);
  return target.isContentEditable || ['TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function usePadShortcuts(onClear: () => void, onUndo: () => void): void {
  const handlers = useRef({ onClear, onUndo });
  useEffect(() => {
    handlers.current = { onClear, onUndo };
  }, [onClear, onUndo]);
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || typingInto(event.target)) return;
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        handlers.current.onUndo();
      } else if ((event.key === 'Escape' || event.key === 'Delete') && !event.ctrlKey && !event.metaKey) {
        // An open <details> or dialog may want Escape for itself; the pad only takes it when nothing else did.
        handlers.current.onClear();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
