// Shows one preprocessing image (values in [0, 1], ink = 1) as dark ink on paper, at its own pixel size; CSS scales it crisply.
import { useEffect, useRef } from 'react';
import type { GrayImage } from '../../data/preprocess/gray-image';

export interface GrayImageCanvasProps {
  readonly image: GrayImage;
  readonly label: string;
  readonly className?: string;
}

export function GrayImageCanvas({ image, label, className }: GrayImageCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    // jsdom has no 2D context; the image is then described by its label only.
    const context = canvas?.getContext('2d');
    if (!context) return;
    const pixels = context.createImageData(image.width, image.height);
    for (let i = 0; i < image.width * image.height; i++) {
      const paper = Math.round(255 * (1 - Math.min(1, Math.max(0, image.data[i]))));
      pixels.data[i * 4] = paper;
      pixels.data[i * 4 + 1] = paper;
      pixels.data[i * 4 + 2] = paper;
      pixels.data[i * 4 + 3] = 255;
    }
    context.putImageData(pixels, 0, 0);
  }, [image]);
  return (
    <canvas
      ref={ref}
      width={image.width}
      height={image.height}
      role="img"
      aria-label={label}
      className={className}
      style={{ aspectRatio: `${image.width} / ${image.height}` }}
    />
  );
}
