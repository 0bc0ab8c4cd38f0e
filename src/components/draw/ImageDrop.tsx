// Bring your own image: drop, paste or pick a PNG/JPEG of a handwritten digit; hands the decoded pixels up.
import { useEffect, useId, useState, type DragEvent } from 'react';
import type { RgbaImage } from '../../data/preprocess/rgba-to-luminance';
import { decodeImageFile } from './decode-image-file';

export interface ImageDropProps {
  readonly onImage: (image: RgbaImage, name: string) => void;
  /** Decoding is injectable so component tests run without a real image decoder. */
  readonly decode?: (file: Blob) => Promise<RgbaImage>;
}

function firstImage(files: readonly (File | null)[]): File | null {
  return files.find((file) => file !== null && file.type.startsWith('image/')) ?? null;
}

function filesOf(items: DataTransferItemList | undefined): (File | null)[] {
  const files: (File | null)[] = [];
  if (items)
    for (let i = 0; i < items.length; i++) if (items[i].kind === 'file') files.push(items[i].getAsFile());
  return files;
}

export function ImageDrop({ onImage, decode = decodeImageFile }: ImageDropProps) {
  const inputId = useId();
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState(false);

  async function read(file: File | null) {
    if (!file) {
      setError('That was not an image file: choose a PNG or JPEG.');
      return;
    }
    try {
      const image = await decode(file);
      setError(null);
      onImage(image, file.name || 'pasted image');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  useEffect(() => {
    function onPaste(event: ClipboardEvent) {
      const file = firstImage(filesOf(event.clipboardData?.items));
      if (file) {
        event.preventDefault();
        void read(file);
      }
    }
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  });

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setOver(false);
    void read(firstImage(Array.from(event.dataTransfer.files)));
  }

  return (
    <div
      className={over ? 'image-drop image-drop--over' : 'image-drop'}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p className="image-drop__text">
        Or bring a photo of a handwritten digit: drop it here, paste it, or{' '}
        <label htmlFor={inputId} className="image-drop__pick">
          choose a file
        </label>
        .
      </p>
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        accept="image/png,image/jpeg"
        onChange={(e) => {
          void read(e.currentTarget.files?.[0] ?? null);
          e.currentTarget.value = '';
        }}
      />
      {error && (
        <p className="image-drop__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
