// Draws one 28x28 MNIST digit (bytes 0-255, ink = high) on a canvas as dark ink on paper.
import { useEffect, useRef } from 'react';

export interface DigitCanvasProps {
  /** rows * cols bytes, row-major. */
  readonly pixels: Uint8Array;
  readonly rows: number;
  readonly cols: number;
  /** Accessible description, e.g. "digit labelled 5"; "" hides the canvas when its button already names it. */
  readonly label: string;
  readonly className?: string;
}

export function DigitCanvas({ pixels, rows, cols, label, className }: DigitCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context) return;
    const image = context.createImageData(cols, rows);
    for (let i = 0; i < rows * cols; i++) {
      const paper = 255 - pixels[i];
      image.data[i * 4] = paper;
      image.data[i * 4 + 1] = paper;
      image.data[i * 4 + 2] = paper;
      image.data[i * 4 + 3] = 255;
    }
    context.putImageData(image, 0, 0);
  }, [pixels, rows, cols]);
  // The canvas stays at the image's own size; CSS scales it up with crisp pixels.
  return label === '' ? (
    <canvas ref={ref} width={cols} height={rows} aria-hidden="true" className={className} />
  ) : (
    <canvas ref={ref} width={cols} height={rows} role="img" aria-label={label} className={className} />
  );
}
