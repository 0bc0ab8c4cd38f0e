// @vitest-environment jsdom
// The live region says "Predicted 7, 98%" politely, and holds still while a stroke is being drawn.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PredictionAnnouncer } from '../../../src/components/draw/PredictionAnnouncer';

afterEach(cleanup);

describe('PredictionAnnouncer', () => {
  it('announces the top digit and its probability in a polite live region', () => {
    render(<PredictionAnnouncer digit={7} probability={0.981} holding={false} />);
    const region = screen.getByRole('status');
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region).toHaveTextContent('Predicted 7, 98%');
  });

  it('keeps the last announcement while drawing, then updates when the stroke ends', () => {
    const { rerender } = render(<PredictionAnnouncer digit={1} probability={0.5} holding={false} />);
    rerender(<PredictionAnnouncer digit={4} probability={0.61} holding={true} />);
    expect(screen.getByRole('status')).toHaveTextContent('Predicted 1, 50%');
    rerender(<PredictionAnnouncer digit={9} probability={0.9} holding={false} />);
    expect(screen.getByRole('status')).toHaveTextContent('Predicted 9, 90%');
  });

  it('says when there is nothing to read', () => {
    render(<PredictionAnnouncer digit={null} probability={0} holding={false} />);
    expect(screen.getByRole('status')).toHaveTextContent('No digit drawn');
  });
});
