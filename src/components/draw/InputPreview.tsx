// The 28x28 image exactly as the network was fed it, enlarged with crisp pixels.
import { createGrayImage } from '../../data/preprocess/gray-image';
import { GrayImageCanvas } from './GrayImageCanvas';

export function InputPreview({ input }: { readonly input: Float32Array | null }) {
  return (
    <figure className="input-preview">
      {input ? (
        <GrayImageCanvas
          image={createGrayImage(28, 28, input)}
          label="The 28 by 28 image fed to the network"
          className="input-preview__image pixelated"
        />
      ) : (
        <div className="input-preview__image input-preview__empty" aria-hidden="true" />
      )}
      <figcaption>What the network sees (28×28)</figcaption>
    </figure>
  );
}
