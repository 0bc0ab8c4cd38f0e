"""Trains a small 784-64-32-10 network in NumPy (float64) and saves it as an .npz of (units, inputs) weights.

Usage: train_numpy.py TRAIN.u8 TRAIN_LABELS.u8 TRAIN_COUNT TEST.u8 TEST_COUNT OUT.npz
Prints one JSON line: the float64 predictions on the test digits and each digit's top-two probability gap.
"""
import json
import sys

import numpy as np

train_path, labels_path, train_count = sys.argv[1], sys.argv[2], int(sys.argv[3])
test_path, test_count, out_path = sys.argv[4], int(sys.argv[5]), sys.argv[6]
x_train = np.fromfile(train_path, dtype=np.uint8, count=train_count * 784).reshape(-1, 784) / 255.0
y_train = np.fromfile(labels_path, dtype=np.uint8, count=train_count)
x_test = np.fromfile(test_path, dtype=np.uint8, count=test_count * 784).reshape(-1, 784) / 255.0

sizes = [784, 64, 32, 10]
rng = np.random.default_rng(0)
W = [rng.normal(0, np.sqrt(2 / sizes[i]), (sizes[i + 1], sizes[i])) for i in range(3)]
b = [np.zeros((sizes[i + 1], 1)) for i in range(3)]


def forward(x):
    activations = [x]
    for i in range(3):
        z = activations[-1] @ W[i].T + b[i].T
        activations.append(np.maximum(z, 0) if i < 2 else z)
    logits = activations[-1]
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return activations, e / e.sum(axis=1, keepdims=True)


batch, rate = 64, 0.1
for step in range(400):
    index = rng.integers(0, len(x_train), batch)
    activations, probabilities = forward(x_train[index])
    delta = probabilities.copy()
    delta[np.arange(batch), y_train[index]] -= 1
    delta /= batch
    for i in reversed(range(3)):
        dW = delta.T @ activations[i]
        db = delta.sum(axis=0)[:, None]
        if i > 0:
            delta = (delta @ W[i]) * (activations[i] > 0)
        W[i] -= rate * dW
        b[i] -= rate * db

np.savez(out_path, W0=W[0], b0=b[0], W1=W[1], b1=b[1], W2=W[2], b2=b[2], layer_sizes=np.array(sizes))
_, probabilities = forward(x_test)
top_two = np.sort(probabilities, axis=1)[:, -2:]
print(json.dumps({
    "predictions": probabilities.argmax(axis=1).tolist(),
    "top_two_gap": (top_two[:, 1] - top_two[:, 0]).tolist(),
}))
