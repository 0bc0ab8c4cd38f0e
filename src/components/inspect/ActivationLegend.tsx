// The key of an activation view: grey for silent, the sequential scale up to the largest value shown.
import { legendGradient } from './colour-scales';

export function ActivationLegend({ max }: { readonly max: number }) {
  return (
    <div className="legend" aria-hidden="true">
      <span className="legend__off" />
      <span>silent</span>
      <span className="legend__bar" style={{ background: legendGradient('sequential') }} />
      <span>{max.toFixed(2)}</span>
    </div>
  );
}
