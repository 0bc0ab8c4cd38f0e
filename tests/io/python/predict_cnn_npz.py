"""Loads a Digit Lab .npz of a layer-list network (conv, pool, dense) with numpy.load and evaluates it with NumPy alone.

Usage: predict_cnn_npz.py MODEL.npz IMAGES.u8 LABELS.u8 COUNT   (COUNT * 784 raw MNIST bytes, COUNT labels)
Prints {"architecture", "predictions", "accuracy", "top_two_gap"} as one JSON line.
"""
import json
import re
import sys

import numpy as np

model_path, images_path, labels_path, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
# No pickle: the layer list is a plain 0-d unicode array.
archive = np.load(model_path, allow_pickle=False)
architecture = str(archive["architecture"][()])
assert "layer_sizes" not in archive.files


def parse(text):
    layers = []
    for item in filter(None, (part.strip() for part in text.split(","))):
        conv = re.fullmatch(r"conv (\d+)@(\d+)x(\d+)( valid)?", item)
        pool = re.fullmatch(r"pool (\d+)", item)
        dense = re.fullmatch(r"dense (\d+)", item)
        if conv:
            layers.append(("conv", int(conv[1]), int(conv[2]), "valid" if conv[4] else "same"))
        elif pool:
            layers.append(("pool", int(pool[1])))
        elif dense:
            layers.append(("dense", int(dense[1])))
        else:
            raise ValueError(item)
    return layers + [("dense", 10)]


def conv2d(x, W, b, padding):
    """x (N, C, H, W), W (F, C, K, K) as PyTorch's Conv2d.weight: cross-correlation, stride 1."""
    k = W.shape[2]
    if padding == "same":
        p = (k - 1) // 2
        x = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
    windows = np.lib.stride_tricks.sliding_window_view(x, (k, k), axis=(2, 3))  # (N, C, OH, OW, K, K)
    return np.einsum("nchwij,fcij->nfhw", windows, W, optimize=True) + b.reshape(1, -1, 1, 1)


def max_pool(x, s):
    n, c, h, w = x.shape
    oh, ow = h // s, w // s
    return x[:, :, : oh * s, : ow * s].reshape(n, c, oh, s, ow, s).max(axis=(3, 5))


images = np.fromfile(images_path, dtype=np.uint8, count=count * 784).reshape(count, 1, 28, 28)
labels = np.fromfile(labels_path, dtype=np.uint8, count=count)
a = (images / 255.0).astype(np.float32)
layers = parse(architecture)
weight = 0
for index, layer in enumerate(layers):
    last = index == len(layers) - 1
    if layer[0] == "pool":
        a = max_pool(a, layer[1])
        continue
    W, b = archive[f"W{weight}"], archive[f"b{weight}"]
    weight += 1
    assert W.dtype == np.float32 and b.dtype == np.float32
    if layer[0] == "conv":
        assert W.ndim == 4 and W.shape[0] == layer[1] and W.shape[2:] == (layer[2], layer[2]), W.shape
        assert b.shape == (layer[1],), b.shape
        a = conv2d(a, W, b, layer[3])
    else:
        assert W.shape == (layer[1], int(np.prod(a.shape[1:]))) and b.shape == (layer[1], 1), (W.shape, b.shape)
        # Channel-major flattening, as PyTorch's flatten of (N, C, H, W).
        a = a.reshape(count, -1) @ W.T + b.T
    if not last:
        a = np.maximum(a, np.float32(0))
assert archive.files.count(f"W{weight}") == 0
predictions = a.argmax(axis=1)
shifted = np.exp(a - a.max(axis=1, keepdims=True))
probabilities = np.sort(shifted / shifted.sum(axis=1, keepdims=True), axis=1)
print(
    json.dumps(
        {
            "architecture": architecture,
            "predictions": predictions.tolist(),
            "accuracy": float((predictions == labels).mean()),
            "top_two_gap": (probabilities[:, -1] - probabilities[:, -2]).tolist(),
        }
    )
)
