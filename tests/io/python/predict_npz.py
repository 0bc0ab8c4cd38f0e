"""Loads a Digit Lab .npz with numpy.load and prints float32 forward-pass predictions as one JSON line.

Usage: predict_npz.py MODEL.npz IMAGES.u8 COUNT   (IMAGES.u8: COUNT * 784 raw MNIST bytes)
"""
import json
import sys

import numpy as np

model_path, images_path, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
archive = np.load(model_path)
sizes = [int(s) for s in archive["layer_sizes"]]
images = np.fromfile(images_path, dtype=np.uint8, count=count * 784).reshape(count, 784)
# Same pixel scaling as Digit Lab: byte / 255 rounded to float32.
a = (images / 255.0).astype(np.float32)
layers = len(sizes) - 1
for i in range(layers):
    W = archive[f"W{i}"]
    b = archive[f"b{i}"]
    assert W.dtype == np.float32 and W.shape == (sizes[i + 1], sizes[i]), (W.dtype, W.shape)
    assert b.dtype == np.float32 and b.shape == (sizes[i + 1], 1), (b.dtype, b.shape)
    z = a @ W.T + b.T
    a = np.maximum(z, np.float32(0)) if i < layers - 1 else z
assert a.dtype == np.float32
shifted = np.exp(a - a.max(axis=1, keepdims=True))
probabilities = shifted / shifted.sum(axis=1, keepdims=True)
print(json.dumps({"layer_sizes": sizes, "predictions": probabilities.argmax(axis=1).tolist()}))
