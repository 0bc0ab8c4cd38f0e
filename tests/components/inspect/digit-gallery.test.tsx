// @vitest-environment jsdom
// The gallery shows exactly the digits it is given, in order, with their probabilities, and opens the clicked one.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DigitGallery, type GalleryItem } from '../../../src/components/inspect/DigitGallery';

beforeAll(() => {
  // jsdom has no 2D canvas; the gallery must still render its digits' text.
  HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement['getContext'];
});
afterEach(cleanup);

function item(index: number, pWrong: number): GalleryItem {
  const probabilities = new Float32Array(10);
  probabilities[8] = pWrong;
  probabilities[3] = 1 - pWrong;
  return { index, image: new Uint8Array(784).fill(index % 255), label: 3, predicted: 8, probabilities };
}

describe('DigitGallery', () => {
  const items = [item(4242, 0.97), item(17, 0.8), item(905, 0.55)];

  it('shows exactly the given digits, in order, with the answer and the true class probabilities', () => {
    render(<DigitGallery trueLabel={3} predicted={8} total={3} items={items} onOpen={vi.fn()} />);
    expect(screen.getByRole('heading', { name: /3 test digits: true 3, answered 8/ })).toBeInTheDocument();
    const digits = screen.getAllByTestId('gallery-digit');
    expect(digits).toHaveLength(3);
    expect(digits.map((d) => d.getAttribute('aria-label')?.match(/Test digit (\d+)/)?.[1])).toEqual([
      '4242',
      '17',
      '905',
    ]);
    expect(digits[0]).toHaveTextContent('8: 97.0%');
    expect(digits[0]).toHaveTextContent('3: 3.0%');
    expect(digits[0].querySelectorAll('canvas')).toHaveLength(1);
  });

  it('opens the clicked digit', async () => {
    const onOpen = vi.fn();
    render(<DigitGallery trueLabel={3} predicted={8} total={3} items={items} onOpen={onOpen} />);
    await userEvent.click(screen.getAllByTestId('gallery-digit')[1]);
    expect(onOpen).toHaveBeenCalledWith(items[1]);
  });

  it('offers more digits only while some are not shown', async () => {
    const onShowMore = vi.fn();
    const { rerender } = render(
      <DigitGallery
        trueLabel={3}
        predicted={8}
        total={130}
        items={items}
        onOpen={vi.fn()}
        onShowMore={onShowMore}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: /Show 60 more \(127 left\)/ }));
    expect(onShowMore).toHaveBeenCalledTimes(1);
    rerender(
      <DigitGallery
        trueLabel={3}
        predicted={8}
        total={3}
        items={items}
        onOpen={vi.fn()}
        onShowMore={onShowMore}
      />,
    );
    expect(screen.queryByRole('button', { name: /more/ })).toBeNull();
  });

  it('says so when the cell is empty', () => {
    render(<DigitGallery trueLabel={1} predicted={7} total={0} items={[]} onOpen={vi.fn()} />);
    expect(screen.getByText('No test digit falls in this cell.')).toBeInTheDocument();
  });
});
