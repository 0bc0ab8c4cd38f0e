// @vitest-environment jsdom
// Drawing on the pad feeds the network once per frame; undo, clear and their keyboard shortcuts work per stroke.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DrawWorkbench } from '../../../src/components/draw/DrawWorkbench';

// No image decoder in jsdom: a 40x40 white picture with a dark vertical bar (dark ink on light paper).
vi.mock('../../../src/components/draw/decode-image-file', () => ({
  decodeImageFile: async () => {
    const data = new Uint8ClampedArray(40 * 40 * 4).fill(255);
    for (let y = 6; y < 34; y++)
      for (let x = 18; x < 22; x++) data.fill(20, (y * 40 + x) * 4, (y * 40 + x) * 4 + 3);
    return { width: 40, height: 40, data };
  },
}));

const SEVEN = Float32Array.from([0.001, 0.002, 0.01, 0.005, 0.002, 0.001, 0.001, 0.968, 0.006, 0.004]);

function setup(probabilities: Float32Array | null = null) {
  const onInput = vi.fn<(input: Float32Array | null) => void>();
  const view = render(
    <DrawWorkbench
      probabilities={probabilities}
      onInput={onInput}
      model="reference"
      liveModelAvailable={false}
      onModelChange={() => {}}
    />,
  );
  const pad = screen.getByTestId('drawing-pad');
  // jsdom lays nothing out: give the pad the 280 px box a browser would.
  pad.getBoundingClientRect = () => ({
    left: 0,
    top: 0,
    width: 280,
    height: 280,
    right: 280,
    bottom: 280,
    x: 0,
    y: 0,
    toJSON: () => ({}),
  });
  return { onInput, view, pad };
}

function drawStroke(pad: HTMLElement, points: [number, number][]) {
  const [first, ...rest] = points;
  fireEvent.pointerDown(pad, {
    pointerId: 1,
    pointerType: 'mouse',
    button: 0,
    clientX: first[0],
    clientY: first[1],
  });
  for (const [x, y] of rest)
    fireEvent.pointerMove(pad, { pointerId: 1, pointerType: 'mouse', clientX: x, clientY: y });
  fireEvent.pointerUp(pad, {
    pointerId: 1,
    pointerType: 'mouse',
    clientX: rest.at(-1)![0],
    clientY: rest.at(-1)![1],
  });
}

const lastInput = (onInput: ReturnType<typeof vi.fn>) =>
  onInput.mock.calls.at(-1)?.[0] as Float32Array | null | undefined;

beforeEach(() => {
  vi.restoreAllMocks();
});

afterEach(cleanup);

describe('DrawWorkbench', () => {
  it('sends a 28x28 MNIST-form input at most once per animation frame, with the latest strokes', () => {
    // Frames run only when the test says so, so the count does not depend on how fast the machine is.
    const frames: FrameRequestCallback[] = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    const { onInput, pad } = setup();
    drawStroke(pad, [
      [60, 50],
      [120, 50],
      [180, 50],
      [150, 120],
      [120, 200],
      [100, 250],
    ]);
    expect(onInput).not.toHaveBeenCalled();
    expect(frames).toHaveLength(1);
    act(() => frames.shift()!(0));
    expect(onInput).toHaveBeenCalledTimes(1);
    const input = lastInput(onInput)!;
    expect(input).toHaveLength(784);
    expect(Math.max(...input)).toBeGreaterThan(0.9);
    // The single frame saw the whole stroke: its ink reaches the bottom of the 20 px box.
    const rowsWithInk = new Set<number>();
    input.forEach((v, i) => v > 0.5 && rowsWithInk.add(Math.floor(i / 28)));
    expect(rowsWithInk.size).toBeGreaterThanOrEqual(17);
  });

  it('shows the top digit large, the bars and the announcement for the current drawing', async () => {
    const { onInput, pad, view } = setup();
    drawStroke(pad, [
      [100, 40],
      [110, 240],
    ]);
    await waitFor(() => expect(lastInput(onInput)).toBeInstanceOf(Float32Array));
    view.rerender(
      <DrawWorkbench
        probabilities={SEVEN}
        onInput={onInput}
        model="reference"
        liveModelAvailable={false}
        onModelChange={() => {}}
      />,
    );
    expect(screen.getByTestId('top-digit')).toHaveTextContent('7');
    // The full reading and the phone's answer strip over the pad say the same.
    expect(screen.getAllByText('97% sure')).toHaveLength(2);
    expect(screen.getByTestId('reading-strip')).toHaveTextContent(/^7The network reads97% sureNext2 1%8 1%$/);
    expect(screen.getByRole('status')).toHaveTextContent('Predicted 7, 97%');
    expect(screen.getByRole('img', { name: 'The 28 by 28 image fed to the network' })).toBeInTheDocument();
  });

  it('undo removes the last stroke only; clear removes all and stops predicting', async () => {
    const { onInput, pad } = setup();
    const user = userEvent.setup();
    drawStroke(pad, [
      [100, 40],
      [100, 240],
    ]);
    drawStroke(pad, [
      [60, 40],
      [140, 40],
    ]);
    await waitFor(() => expect(lastInput(onInput)).toBeInstanceOf(Float32Array));
    const both = lastInput(onInput)!;
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(lastInput(onInput)).not.toBe(both));
    const one = lastInput(onInput)!;
    expect(one).toBeInstanceOf(Float32Array);
    // A single vertical stroke: thin, tall ink only.
    expect(one.reduce((a, b) => a + b, 0)).toBeLessThan(both.reduce((a, b) => a + b, 0));
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    await waitFor(() => expect(lastInput(onInput)).toBeNull());
    expect(screen.getByRole('button', { name: 'Undo' })).toBeDisabled();
    expect(screen.getByTestId('top-digit')).toHaveTextContent('?');
  });

  it('Ctrl+Z undoes and Escape clears', async () => {
    const { onInput, pad } = setup();
    drawStroke(pad, [
      [100, 40],
      [100, 240],
    ]);
    drawStroke(pad, [
      [60, 40],
      [140, 40],
    ]);
    await waitFor(() => expect(lastInput(onInput)).toBeInstanceOf(Float32Array));
    act(() => {
      fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Undo' })).toBeEnabled());
    act(() => {
      fireEvent.keyDown(window, { key: 'Escape' });
    });
    await waitFor(() => expect(lastInput(onInput)).toBeNull());
    expect(screen.getByRole('button', { name: 'Undo' })).toBeDisabled();
    expect(screen.getByText(/Esc/)).toBeInTheDocument();
  });

  it('Escape still clears the pad after a network was picked (focus on its radio button)', async () => {
    const { onInput, pad } = setup();
    drawStroke(pad, [
      [100, 40],
      [100, 240],
    ]);
    await waitFor(() => expect(lastInput(onInput)).toBeInstanceOf(Float32Array));
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: 'Convolutional' }));
    expect(screen.getByRole('radio', { name: 'Convolutional' })).toHaveFocus();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(lastInput(onInput)).toBeNull());
    expect(screen.getByRole('button', { name: 'Undo' })).toBeDisabled();
  });

  it('names the network that answered under the digit', async () => {
    const { onInput, pad, view } = setup();
    drawStroke(pad, [
      [100, 40],
      [110, 240],
    ]);
    await waitFor(() => expect(lastInput(onInput)).toBeInstanceOf(Float32Array));
    view.rerender(
      <DrawWorkbench
        probabilities={SEVEN}
        onInput={onInput}
        model="convolutional"
        answeredBy="Convolutional"
        answeredByShort="Convolutional"
        liveModelAvailable={false}
        onModelChange={() => {}}
      />,
    );
    expect(screen.getByTestId('answered-by')).toHaveTextContent('read by Convolutional');
    expect(screen.getByTestId('reading-strip')).toHaveTextContent(/^7Convolutional reads97% sure/);
    expect(screen.getByRole('radio', { name: 'Convolutional' })).toBeChecked();
  });

  it('reads a picked image through the same preprocessing and shows its stages', async () => {
    const { onInput } = setup();
    const user = userEvent.setup();
    const file = new File([new Uint8Array([1, 2, 3])], 'one.png', { type: 'image/png' });
    await user.upload(screen.getByLabelText('choose a file'), file);
    await waitFor(() => expect(lastInput(onInput)).toBeInstanceOf(Float32Array));
    expect(screen.getByText(/Reading your image/)).toHaveTextContent('one.png');
    const stages = screen.getAllByRole('img', { name: /^Stage \d/ });
    expect(stages.map((s) => s.getAttribute('aria-label'))).toEqual([
      expect.stringContaining('inverted'),
      'Stage 2: Cropped to the ink',
      expect.stringContaining('20 px'),
      expect.stringContaining('centre of mass'),
    ]);
  });
});
