// @vitest-environment jsdom
// Picking, dropping or pasting an image hands its pixels up; a file that is not an image gets a message a person can act on.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImageDrop } from '../../../src/components/draw/ImageDrop';

afterEach(cleanup);

const pixels = { width: 2, height: 1, data: new Uint8ClampedArray(8) };

describe('ImageDrop', () => {
  it('decodes a picked PNG and passes it on with its name', async () => {
    const onImage = vi.fn();
    const decode = vi.fn(async () => pixels);
    render(<ImageDrop onImage={onImage} decode={decode} />);
    await userEvent
      .setup()
      .upload(screen.getByLabelText('choose a file'), new File(['x'], 'seven.png', { type: 'image/png' }));
    await waitFor(() => expect(onImage).toHaveBeenCalledWith(pixels, 'seven.png'));
  });

  it('takes a dropped image', async () => {
    const onImage = vi.fn();
    const { container } = render(<ImageDrop onImage={onImage} decode={async () => pixels} />);
    const file = new File(['x'], 'drop.jpg', { type: 'image/jpeg' });
    fireEvent.drop(container.querySelector('.image-drop')!, { dataTransfer: { files: [file] } });
    await waitFor(() => expect(onImage).toHaveBeenCalledWith(pixels, 'drop.jpg'));
  });

  it('says what went wrong when decoding fails', async () => {
    const onImage = vi.fn();
    const decode = vi.fn(async () => {
      throw new Error('The file could not be decoded as an image; try a PNG or JPEG.');
    });
    const { container } = render(<ImageDrop onImage={onImage} decode={decode} />);
    fireEvent.drop(container.querySelector('.image-drop')!, {
      dataTransfer: { files: [new File(['x'], 'broken.png', { type: 'image/png' })] },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('try a PNG or JPEG');
    expect(onImage).not.toHaveBeenCalled();
  });

  it('refuses a dropped file that is not an image', async () => {
    const { container } = render(<ImageDrop onImage={vi.fn()} decode={async () => pixels} />);
    fireEvent.drop(container.querySelector('.image-drop')!, {
      dataTransfer: { files: [new File(['x'], 'notes.txt', { type: 'text/plain' })] },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('not an image file');
  });
});
