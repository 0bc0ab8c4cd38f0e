// How a CNN reads and learns: convolution, max-pooling and the filter gradient, each beside its numbers for the digit.
import type { DigitExplanation, ModelWeights } from '../../state/inspect-slice';
import { convPixel, filterGradient, poolWindow, strongestPixel } from './conv-numbers';
import { NumberMatrix, twoDecimals } from './NumberMatrix';
import { Tex } from './Tex';

export interface ConvHowItWorksProps {
  readonly explanation: DigitExplanation;
  readonly input: Float32Array;
  /** The same model's weights (checked by the caller). */
  readonly weights: ModelWeights;
  onTrueLabelChange(label: number): void;
}

/** The gradient as 10^k times entries below 10 in size, so a tiny gradient still reads as numbers. */
function scaled(values: Float64Array): { exponent: number; values: Float64Array } {
  let largest = 0;
  for (const v of values) largest = Math.max(largest, Math.abs(v));
  const exponent = largest === 0 ? 0 : Math.floor(Math.log10(largest));
  return { exponent, values: values.map((v) => v / 10 ** exponent) };
}

export function ConvHowItWorks({ explanation, input, weights, onTrueLabelChange }: ConvHowItWorksProps) {
  const shapes = explanation.layerShapes;
  const convLayer = shapes.findIndex((s) => s.kind === 'conv');
  if (convLayer < 0) return null;
  const conv = weights.layers[convLayer];
  const below = convLayer === 0 ? input : explanation.activations[convLayer - 1];
  const map = explanation.activations[convLayer];
  const peak = strongestPixel(map, conv.output);
  const W = weights.W[conv.weightIndex];
  const pixel = convPixel(
    below,
    conv.input,
    W,
    weights.b[conv.weightIndex],
    peak.channel,
    peak.y,
    peak.x,
    conv.size,
    conv.padding,
  );
  const K = conv.size;
  const poolLayer =
    convLayer + 1 < shapes.length && shapes[convLayer + 1].kind === 'pool' ? convLayer + 1 : -1;
  const pool = poolLayer >= 0 ? weights.layers[poolLayer] : null;
  const S = pool?.size ?? 0;
  const window = pool
    ? poolWindow(map, conv.output, peak.channel, Math.floor(peak.y / S), Math.floor(peak.x / S), S)
    : null;
  const delta = explanation.layerGradients[convLayer];
  const gradient = filterGradient(below, conv.input, delta, conv.output, peak.channel, 0, K, conv.padding);
  const step = scaled(gradient);
  const { trueLabel, probabilities, loss } = explanation;
  return (
    <div className="how how--conv" data-testid="conv-how-it-works">
      <section className="how__step">
        <div className="how__text">
          <h3>1. Convolution</h3>
          <p>
            Filter <Tex tex="f" /> of layer {convLayer + 1} lays its {K}×{K} kernel on the patch of the input
            around each pixel, multiplies the two entry by entry, adds everything up with a bias and passes it
            through ReLU. Sliding over every position gives the filter's map:
          </p>
          <Tex display tex="z_{f,y,x} = \sum_{c}\sum_{u,v} W_{f,c,u,v}\; a_{c,\,y+u-p,\,x+v-p} + b_f" />
          <Tex display tex="a_{f,y,x} = \mathrm{ReLU}(z_{f,y,x})" />
          <p>
            Here <Tex tex={`p = ${conv.padding}`} />
            {conv.padding > 0
              ? ': that many rows and columns of zeros pad the border, so the map keeps the input’s size.'
              : `: no padding, so the map is ${K - 1} pixels narrower than its input.`}
          </p>
        </div>
        <div className="how__live" data-testid="conv-pixel">
          <p className="how__label">
            The strongest pixel of layer {convLayer + 1}: filter {peak.channel}, row {peak.y}, column {peak.x}
          </p>
          <div className="how__equation">
            <span>patch =</span>
            <NumberMatrix values={pixel.patch[0]} size={K} label={`The ${K}×${K} input patch`} />
          </div>
          <div className="how__equation">
            <Tex tex={`W_{${peak.channel}} =`} />
            <NumberMatrix values={pixel.kernel[0]} size={K} label={`Filter ${peak.channel}'s kernel`} />
          </div>
          <p className="mono">
            Σ patch·W {conv.input.channels > 1 ? `(over ${conv.input.channels} channels) ` : ''}={' '}
            {(pixel.z - pixel.bias).toFixed(3)}, + b = {pixel.bias.toFixed(3)} → z = {pixel.z.toFixed(3)}
          </p>
          <p className="mono">
            a = ReLU(z) = {pixel.value.toFixed(3)} (the map says {peak.value.toFixed(3)})
          </p>
        </div>
      </section>

      {pool && window && (
        <section className="how__step">
          <div className="how__text">
            <h3>2. Max-pooling</h3>
            <p>
              A pooling layer keeps the largest value of each {S}×{S} window of every map, so the next layer
              sees where a pattern was found at {S} times coarser resolution, and a stroke may shift a pixel
              without changing it:
            </p>
            <Tex display tex={`m_{c,i,j} = \\max_{0 \\le u,v < ${S}} a_{c,\\,${S}i+u,\\,${S}j+v}`} />
            <p>Only the winner passes a gradient back: the others did not affect the output.</p>
          </div>
          <div className="how__live" data-testid="pool-window">
            <p className="how__label">
              The window of channel {peak.channel} at pooled row {Math.floor(peak.y / S)}, column{' '}
              {Math.floor(peak.x / S)} (the winner boxed)
            </p>
            <div className="how__equation">
              <NumberMatrix
                values={window.window}
                size={S}
                boxed={window.winner}
                label={`The ${S}×${S} window, the winner boxed`}
              />
              <span className="mono">→ m = {twoDecimals(window.value)}</span>
            </div>
            <p className="mono">
              winner: row {S * Math.floor(peak.y / S) + Math.floor(window.winner / S)}, column{' '}
              {S * Math.floor(peak.x / S) + (window.winner % S)} of the map above
            </p>
          </div>
        </section>
      )}

      <section className="how__step">
        <div className="how__text">
          <h3>{pool ? 3 : 2}. The filter's gradient</h3>
          <p>
            Backpropagation brings the loss's gradient down to the map,{' '}
            <Tex tex="\delta_{f,y,x} = \partial L / \partial z_{f,y,x}" />. Each weight touched every position
            of the map, so its gradient adds up the input under it times δ there: the layer's input{' '}
            <em>correlated</em> with its output gradient.
          </p>
          <Tex
            display
            tex="\frac{\partial L}{\partial W_{f,c,u,v}} = \sum_{y,x} \delta_{f,y,x}\; a_{c,\,y+u-p,\,x+v-p}"
          />
          <Tex display tex="\frac{\partial L}{\partial b_f} = \sum_{y,x} \delta_{f,y,x}" />
        </div>
        <div className="how__live" data-testid="filter-gradient">
          <label className="how__label">
            True label{' '}
            <select value={trueLabel} onChange={(event) => onTrueLabelChange(Number(event.target.value))}>
              {Array.from({ length: probabilities.length }, (_, k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
          <p className="mono">
            L = −log {probabilities[trueLabel].toFixed(4)} = {loss.toFixed(4)}
          </p>
          <div className="how__equation">
            <Tex
              tex={`\\frac{\\partial L}{\\partial W_{${peak.channel}}} =${step.exponent === 0 ? '' : ` 10^{${step.exponent}} \\times`}`}
            />
            <NumberMatrix
              values={step.values}
              size={K}
              label={`The loss's gradient for filter ${peak.channel}'s kernel`}
            />
          </div>
          <p className="mono">
            ‖∂L/∂W‖ of layer {convLayer + 1}:{' '}
            {explanation.weightGradientNorms[conv.weightIndex].toExponential(2)}
          </p>
          <p className="muted">
            Filter {peak.channel}'s gradient for this digit: a step of gradient descent moves its kernel
            against it.
          </p>
        </div>
      </section>

      <section className="how__step">
        <div className="how__text">
          <h3>{pool ? 4 : 3}. Then the dense layers</h3>
          <p>
            The last map is read as one long vector by the dense layers, which work as in a dense network:{' '}
            <Tex tex="z = W a + b" />, ReLU, and softmax over the ten classes at the end. Training updates
            filters and dense weights alike from the same loss.
          </p>
        </div>
        <div className="how__live">
          <p className="how__label">This network</p>
          <p className="mono">
            {weights.layers
              .map((info) => `${info.output.channels}×${info.output.height}×${info.output.width}`)
              .join(' → ')}
          </p>
        </div>
      </section>
    </div>
  );
}
