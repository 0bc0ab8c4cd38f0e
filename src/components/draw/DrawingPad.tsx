// The drawing pad: Pointer Events (mouse, touch, pen) recorded as point lists in backing-store pixels, drawn as smooth round ink.
import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { Stroke, StrokePoint } from '../../data/preprocess/strokes';

export interface DrawingPadProps {
  readonly strokes: readonly Stroke[];
  /** `drawing` is true while a stroke is still under the pointer. */
  readonly onStrokesChange: (strokes: readonly Stroke[], drawing: boolean) => void;
  /** Reports the pen diameter in the strokes' units once the pad knows its resolution. */
  readonly onPenDiameter?: (diameter: number) => void;
}

/** Pen diameter as a fraction of the pad's width: a felt-tip look at any size. */
const PEN_FRACTION = 0.06;
/** The backing store is never coarser than 280 CSS px, times the device pixel ratio. */
const MIN_CSS_SIZE = 280;
const INK = '#1b1f24';

function drawStrokes(context: CanvasRenderingContext2D, strokes: readonly Stroke[], pen: number) {
  const { width, height } = context.canvas;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.strokeStyle = INK;
  context.fillStyle = INK;
  context.lineWidth = pen;
  context.lineCap = 'round';
  context.lineJoin = 'round';
  for (const stroke of strokes) {
    if (stroke.length === 0) continue;
    if (stroke.length < 3) {
      const last = stroke[stroke.length - 1];
      context.beginPath();
      context.moveTo(stroke[0].x, stroke[0].y);
      context.lineTo(last.x, last.y);
      context.stroke();
      continue;
    }
    // Quadratic curves through the midpoints: smooth ink without lagging behind the pointer.
    context.beginPath();
    context.moveTo(stroke[0].x, stroke[0].y);
    for (let i = 1; i < stroke.length - 1; i++) {
      const mx = (stroke[i].x + stroke[i + 1].x) / 2;
      const my = (stroke[i].y + stroke[i + 1].y) / 2;
      context.quadraticCurveTo(stroke[i].x, stroke[i].y, mx, my);
    }
    const last = stroke[stroke.length - 1];
    context.lineTo(last.x, last.y);
    context.stroke();
  }
}

export function DrawingPad({ strokes, onStrokesChange, onPenDiameter }: DrawingPadProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState(0);
  const activePointer = useRef<number | null>(null);
  // The pad's own copy, updated as it emits: pointer events can arrive before React re-renders with new props.
  const strokesRef = useRef(strokes);
  useEffect(() => {
    strokesRef.current = strokes;
  }, [strokes]);

  function emit(next: readonly Stroke[], drawing: boolean) {
    strokesRef.current = next;
    onStrokesChange(next, drawing);
  }

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const cssSize = Math.max(MIN_CSS_SIZE, canvas.getBoundingClientRect().width);
    const backing = Math.round(cssSize * (window.devicePixelRatio || 1));
    setSize(backing);
    onPenDiameter?.(backing * PEN_FRACTION);
  }, [onPenDiameter]);

  useEffect(() => {
    const context = size > 0 ? canvasRef.current?.getContext('2d') : null;
    if (!context) return;
    drawStrokes(context, strokes, size * PEN_FRACTION);
  }, [strokes, size]);

  function pointsOf(event: ReactPointerEvent<HTMLCanvasElement>): StrokePoint[] {
    const canvas = event.currentTarget;
    const rect = canvas.getBoundingClientRect();
    const sx = canvas.width / rect.width;
    const sy = canvas.height / rect.height;
    // Coalesced events carry the samples the browser merged between frames: pens report at 120-240 Hz.
    const native = event.nativeEvent;
    const samples = typeof native.getCoalescedEvents === 'function' ? native.getCoalescedEvents() : [];
    const all = samples.length > 0 ? samples : [native];
    return all.map((e) => ({ x: (e.clientX - rect.left) * sx, y: (e.clientY - rect.top) * sy }));
  }

  function handlePointerDown(event: ReactPointerEvent<HTMLCanvasElement>) {
    if (activePointer.current !== null) return;
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture?.(event.pointerId);
    activePointer.current = event.pointerId;
    emit([...strokesRef.current, pointsOf(event).slice(-1)], true);
  }

  function handlePointerMove(event: ReactPointerEvent<HTMLCanvasElement>) {
    if (activePointer.current !== event.pointerId) return;
    const current = strokesRef.current;
    const active = current[current.length - 1] ?? [];
    emit([...current.slice(0, -1), [...active, ...pointsOf(event)]], true);
  }

  function handlePointerEnd(event: ReactPointerEvent<HTMLCanvasElement>) {
    if (activePointer.current !== event.pointerId) return;
    activePointer.current = null;
    emit(strokesRef.current, false);
  }

  return (
    <div className="pad">
      <canvas
        ref={canvasRef}
        className="pad__canvas"
        width={size || MIN_CSS_SIZE}
        height={size || MIN_CSS_SIZE}
        aria-label="Drawing pad: draw one digit with a mouse, finger or pen"
        role="img"
        data-testid="drawing-pad"
        onPointerDown={handlePointerDown}
        onPointerMove={handlePointerMove}
        onPointerUp={handlePointerEnd}
        onPointerCancel={handlePointerEnd}
        onLostPointerCapture={handlePointerEnd}
      />
      {strokes.length === 0 && (
        <span className="pad__hint" aria-hidden="true">
          Draw a digit here
        </span>
      )}
    </div>
  );
}
