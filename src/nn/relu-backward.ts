// ReLU's derivative as a mask: the gradient passes where the unit was active (post-ReLU output above 0).

/** grad (rows×cols) *= (activation > 0), in place: dZ = dA ⊙ relu'(Z), read from A = relu(Z). */
export function reluBackward(grad: Float32Array, activation: Float32Array, length: number): void {
  for (let i = 0; i < length; i++) {
    if (!(activation[i] > 0)) grad[i] = 0;
  }
}
