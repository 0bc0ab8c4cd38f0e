// How the network reads and learns, formula by formula, each beside its live numbers for the digit being inspected.
import { Tex } from './Tex';
import { formatProbability } from './format-probability';

export interface HowItWorksNumbers {
  readonly logits: Float32Array;
  readonly probabilities: Float32Array;
  readonly activations: readonly Float32Array[];
  readonly predictedClass: number;
  readonly trueLabel: number;
  readonly loss: number;
  readonly dLogits: Float32Array;
  readonly weightGradientNorms: readonly number[];
}

export interface HowItWorksProps {
  readonly numbers: HowItWorksNumbers;
  readonly layerSizes: readonly number[];
  readonly learningRate: number;
  readonly momentum: number;
  onTrueLabelChange(label: number): void;
}

const f3 = (v: number) => (Math.abs(v) < 5e-4 && v !== 0 ? v.toExponential(1) : v.toFixed(3));

export function HowItWorks({
  numbers,
  layerSizes,
  learningRate,
  momentum,
  onTrueLabelChange,
}: HowItWorksProps) {
  const { logits, probabilities, activations, trueLabel, loss, dLogits, weightGradientNorms } = numbers;
  const layers = layerSizes.length - 1;
  const stepScale = learningRate * (1 - momentum);
  return (
    <div className="how" data-testid="how-it-works">
      <section className="how__step">
        <div className="how__text">
          <h3>1. Forward pass</h3>
          <p>
            The 784 pixels form the vector <Tex tex="a^{(0)} = x" />. Each layer multiplies the previous layer
            by its weights, adds a bias, and passes the result through an activation:
          </p>
          <Tex
            display
            tex="z^{(l)} = W^{(l)} a^{(l-1)} + b^{(l)}, \qquad a^{(l)} = \mathrm{ReLU}\big(z^{(l)}\big)"
          />
        </div>
        <div className="how__live">
          <p className="how__label">This network</p>
          <p className="mono">{layerSizes.join(' → ')}</p>
          <ul className="how__list">
            {activations.map((a, l) => (
              <li key={l}>
                layer {l + 1}: {a.reduce((n, v) => n + (v > 0 ? 1 : 0), 0)} of {a.length} units above zero
              </li>
            ))}
          </ul>
        </div>
      </section>

      <section className="how__step">
        <div className="how__text">
          <h3>2. ReLU</h3>
          <p>A unit passes its input on when it is positive and stays silent otherwise:</p>
          <Tex display tex="\mathrm{ReLU}(z) = \max(0, z)" />
          <p>
            Its slope is 1 or 0, which is why a unit that never fires (a <em>dead</em> unit) also never
            learns.
          </p>
        </div>
        <div className="how__live">
          <p className="how__label">Silent units for this digit</p>
          <p className="mono">
            {activations
              .map((a) => `${a.reduce((n, v) => n + (v === 0 ? 1 : 0), 0)}/${a.length}`)
              .join(' · ')}
          </p>
        </div>
      </section>

      <section className="how__step">
        <div className="how__text">
          <h3>3. Softmax</h3>
          <p>
            The last layer has no ReLU: its ten outputs <Tex tex="z_k" /> (the <em>logits</em>) become
            probabilities that are positive and add up to one:
          </p>
          <Tex display tex="p_k = \frac{e^{z_k}}{\sum_{j=0}^{9} e^{z_j}}" />
        </div>
        <div className="how__live">
          <table className="how__table">
            <caption className="visually-hidden">Logits, probabilities and output gradient per class</caption>
            <thead>
              <tr>
                <th scope="col">k</th>
                <th scope="col">
                  <Tex tex="z_k" />
                </th>
                <th scope="col">
                  <Tex tex="p_k" />
                </th>
                <th scope="col">
                  <Tex tex="p_k - y_k" />
                </th>
              </tr>
            </thead>
            <tbody>
              {Array.from(logits, (z, k) => (
                <tr key={k} className={k === trueLabel ? 'how__row--true' : undefined}>
                  <th scope="row">{k}</th>
                  <td>{z.toFixed(2)}</td>
                  <td>
                    <span
                      className="prob-bar"
                      style={{ width: `${Math.round(40 * probabilities[k])}px` }}
                      aria-hidden="true"
                    />
                    {formatProbability(probabilities[k])}
                  </td>
                  <td>{f3(dLogits[k])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="how__step">
        <div className="how__text">
          <h3>4. Cross-entropy loss</h3>
          <p>
            With the true label <Tex tex="y" /> written as a one-hot vector, the loss is the surprise at the
            right answer: small when the network gave it a high probability.
          </p>
          <Tex display tex="L = -\sum_k y_k \log p_k = -\log p_y" />
        </div>
        <div className="how__live">
          <label className="how__label">
            True label{' '}
            <select value={trueLabel} onChange={(e) => onTrueLabelChange(Number(e.target.value))}>
              {Array.from({ length: logits.length }, (_, k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
          <p className="mono" data-testid="live-loss">
            L = −log {probabilities[trueLabel].toFixed(4)} = {loss.toFixed(4)}
          </p>
        </div>
      </section>

      <section className="how__step">
        <div className="how__text">
          <h3>5. The output gradient</h3>
          <p>
            Softmax and cross-entropy together have a remarkably simple derivative with respect to the logits:
          </p>
          <Tex display tex="\frac{\partial L}{\partial z_k} = p_k - y_k" />
          <p>Each wrong class is pushed down by its probability; the true class is pulled up by 1 − p.</p>
        </div>
        <div className="how__live">
          <p className="how__label">For label {trueLabel}</p>
          <p className="mono how__vector">[{Array.from(dLogits, (g) => f3(g)).join(', ')}]</p>
        </div>
      </section>

      <section className="how__step">
        <div className="how__text">
          <h3>6. Backpropagation: the chain rule through ReLU</h3>
          <p>
            Call <Tex tex="\delta^{(l)} = \partial L / \partial z^{(l)}" />. Going down a layer multiplies by
            the transposed weights and by ReLU's slope; each weight's gradient is the error of its unit times
            the input it saw:
          </p>
          <Tex
            display
            tex="\delta^{(l)} = \big(W^{(l+1)\top} \delta^{(l+1)}\big) \odot \mathbb{1}\big[z^{(l)} > 0\big], \qquad \frac{\partial L}{\partial W^{(l)}} = \delta^{(l)} a^{(l-1)\top}"
          />
        </div>
        <div className="how__live">
          <p className="how__label">Gradient size per layer, this digit</p>
          <ul className="how__list mono">
            {weightGradientNorms.map((g, l) => (
              <li key={l}>
                ‖∂L/∂W<sup>({l + 1})</sup>‖ = {f3(g)}
              </li>
            ))}
          </ul>
        </div>
      </section>

      <section className="how__step">
        <div className="how__text">
          <h3>7. He initialisation</h3>
          <p>
            Before training, weights are random with a spread chosen for ReLU, so signals neither die out nor
            blow up from layer to layer:
          </p>
          <Tex display tex="W^{(l)}_{ij} \sim \mathcal{N}\!\left(0,\ \frac{2}{n_{\mathrm{in}}}\right)" />
        </div>
        <div className="how__live">
          <p className="how__label">Standard deviation per layer</p>
          <ul className="how__list mono">
            {Array.from({ length: layers }, (_, l) => (
              <li key={l}>
                √(2/{layerSizes[l]}) = {Math.sqrt(2 / layerSizes[l]).toFixed(4)}
              </li>
            ))}
          </ul>
        </div>
      </section>

      <section className="how__step">
        <div className="how__text">
          <h3>8. The momentum update</h3>
          <p>
            Training averages the gradients <Tex tex="g" /> of each batch into a velocity <Tex tex="v" /> and
            moves the weights against it, so steps keep a steady direction through noisy batches:
          </p>
          <Tex display tex="v \leftarrow \beta v + (1-\beta)\, g, \qquad W \leftarrow W - \alpha v" />
        </div>
        <div className="how__live">
          <p className="how__label">
            With <Tex tex={`\\alpha = ${learningRate}`} />, <Tex tex={`\\beta = ${momentum}`} />, a first step
            on this digit alone would move each layer's weights by
          </p>
          <ul className="how__list mono">
            {weightGradientNorms.map((g, l) => (
              <li key={l}>
                α(1−β)‖g<sup>({l + 1})</sup>‖ = {f3(stepScale * g)}
              </li>
            ))}
          </ul>
        </div>
      </section>
    </div>
  );
}
