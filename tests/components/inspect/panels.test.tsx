// @vitest-environment jsdom
// The smaller inspector pieces: formulas with live numbers, a unit's strongest connections, saliency controls,
// and the dataset browser's controls.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HowItWorks } from '../../../src/components/inspect/HowItWorks';
import { UnitDetail } from '../../../src/components/inspect/UnitDetail';
import { SaliencyMap } from '../../../src/components/inspect/SaliencyMap';
import { DatasetBrowser } from '../../../src/components/inspect/DatasetBrowser';
import { formatProbability } from '../../../src/components/inspect/format-probability';

beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement['getContext'];
});
afterEach(cleanup);

describe('HowItWorks', () => {
  const probabilities = Float32Array.of(0.05, 0.05, 0.1, 0.05, 0.05, 0.05, 0.05, 0.5, 0.05, 0.05);
  const numbers = {
    logits: Float32Array.from(probabilities, (p) => Math.log(p)),
    probabilities,
    activations: [Float32Array.of(0, 1, 2, 0), Float32Array.of(3, 0)],
    predictedClass: 7,
    trueLabel: 2,
    loss: -Math.log(0.1),
    dLogits: Float32Array.from(probabilities, (p, k) => p - (k === 2 ? 1 : 0)),
    weightGradientNorms: [0.5, 0.25, 2],
  };

  it('typesets the formulas and shows the live numbers beside them', async () => {
    const onLabel = vi.fn();
    const { container } = render(
      <HowItWorks
        numbers={numbers}
        layerSizes={[784, 4, 2, 10]}
        learningRate={0.5}
        momentum={0.9}
        onTrueLabelChange={onLabel}
      />,
    );
    expect(container.querySelectorAll('.katex').length).toBeGreaterThan(10);
    // KaTeX's MathML copy of each formula is what screen readers read.
    expect(container.querySelectorAll('math').length).toBeGreaterThan(10);
    expect(screen.getByTestId('live-loss')).toHaveTextContent('L = −log 0.1000 = 2.3026');
    expect(screen.getByText('layer 1: 2 of 4 units above zero')).toBeInTheDocument();
    expect(screen.getByText('√(2/784) = 0.0505')).toBeInTheDocument();
    // α(1−β)‖g‖ = 0.05 · 2 for the last layer
    expect(screen.getByText(/α\(1−β\)‖g/, { selector: 'li:last-child' })).toHaveTextContent('= 0.100');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /True label/ }), '7');
    expect(onLabel).toHaveBeenCalledWith(7);
  });
});

describe('UnitDetail', () => {
  // Layer 2 (index 1) has 3 units over 4 layer-1 units; unit 1's incoming weights are row 1 of W[1].
  const layerSizes = [4, 4, 3, 2];
  const W = [
    new Float32Array(16),
    Float32Array.of(0, 0, 0, 0, 0.1, -0.9, 0.5, 0.05, 0, 0, 0, 0),
    new Float32Array(6),
  ];
  const b = [new Float32Array(4), Float32Array.of(0, 0.25, 0), new Float32Array(2)];

  it('lists the strongest incoming connections by size, with weight × activation, and follows a click', async () => {
    const onSelect = vi.fn();
    render(
      <UnitDetail
        layer={1}
        unit={1}
        layerSizes={layerSizes}
        W={W}
        b={b}
        input={new Float32Array(4)}
        activations={[Float32Array.of(1, 2, 0, 4), Float32Array.of(0, 0.7, 0)]}
        fireCounts={[new Int32Array(4), Int32Array.of(5, 0, 9)]}
        samples={10}
        onSelectUnit={onSelect}
        onClose={vi.fn()}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Layer 2, unit 1' })).toBeInTheDocument();
    expect(screen.getByText('no test digit (dead)')).toBeInTheDocument();
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('button').textContent)).toEqual([
      'unit 1',
      'unit 2',
      'unit 0',
      'unit 3',
    ]);
    expect(rows[0]).toHaveTextContent('-0.900');
    expect(rows[0]).toHaveTextContent('-1.800');
    await userEvent.click(within(rows[1]).getByRole('button'));
    expect(onSelect).toHaveBeenCalledWith(0, 2);
  });
});

describe('SaliencyMap', () => {
  it('names the explained class and switches class and view', async () => {
    const onTarget = vi.fn();
    const onView = vi.fn();
    const saliency = new Float32Array(784);
    saliency[14 * 28 + 3] = -2;
    render(
      <SaliencyMap
        input={new Float32Array(784)}
        saliency={saliency}
        view="gradient"
        targetClass={4}
        probabilities={Float32Array.from({ length: 10 }, () => 0.1)}
        onViewChange={onView}
        onTargetChange={onTarget}
      />,
    );
    expect(screen.getByTestId('saliency-canvas')).toHaveAccessibleName(
      /class 4 .*strongest at row 15, column 4/,
    );
    await userEvent.selectOptions(screen.getByRole('combobox'), '9');
    expect(onTarget).toHaveBeenCalledWith(9);
    await userEvent.click(screen.getByRole('button', { name: 'input × gradient' }));
    expect(onView).toHaveBeenCalledWith('input-x-gradient');
  });
});

describe('DatasetBrowser', () => {
  it('pages, filters and opens digits', async () => {
    const handlers = {
      onSplitChange: vi.fn(),
      onLabelChange: vi.fn(),
      onPageChange: vi.fn(),
      onOpen: vi.fn(),
    };
    const digits = [5, 9].map((index) => ({ index, image: new Uint8Array(784), label: 4 }));
    render(
      <DatasetBrowser
        split="train"
        label={4}
        page={0}
        pageCount={3}
        total={95}
        digits={digits}
        status={null}
        {...handlers}
      />,
    );
    expect(screen.getByText('Page 1 of 3 · 95 digits')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Previous/ })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: /Next/ }));
    expect(handlers.onPageChange).toHaveBeenCalledWith(1);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /Label/ }), 'all');
    expect(handlers.onLabelChange).toHaveBeenCalledWith(null);
    await userEvent.click(screen.getByRole('button', { name: 'Test set' }));
    expect(handlers.onSplitChange).toHaveBeenCalledWith('test');
    await userEvent.click(screen.getByRole('button', { name: /Training digit 9, labelled 4/ }));
    expect(handlers.onOpen).toHaveBeenCalledWith(digits[1]);
  });
});

describe('formatProbability', () => {
  it('never shows a near-certainty as 100% or a small chance as 0%', () => {
    expect(formatProbability(0.9996)).toBe('>99.9%');
    expect(formatProbability(1)).toBe('100%');
    expect(formatProbability(0.0004)).toBe('<0.1%');
    expect(formatProbability(0)).toBe('0%');
    expect(formatProbability(0.5)).toBe('50%');
    expect(formatProbability(0.034)).toBe('3.4%');
    expect(formatProbability(0.973)).toBe('97.3%');
  });
});
