#!/usr/bin/python3
"""Writes the fixture SsimTest checks the workbench's SSIM against: pairs of small RGB images (an original and a
composite that differs from it only inside a square hole) as PNGs, and scikit-image's SSIM of each pair in
skimage.csv. Run once from this folder with Debian's python3-skimage; the committed files are what the test reads.

The pixels are decoded as the workbench decodes them (float32 k * (1/255)), then compared in float64 with
structural_similarity(a, b, gaussian_weights=True, sigma=1.5, use_sample_covariance=False, data_range=1.0,
channel_axis=-1).
"""
import csv

import numpy as np
import scipy
import skimage
from PIL import Image
from skimage.metrics import structural_similarity

rng = np.random.default_rng(16)


def texture(size):
    """Smooth colour waves with noise on top: structure at several scales, quantised to 8 bits."""
    yy, xx = np.mgrid[0:size, 0:size]
    channels = [0.5 + 0.25 * np.sin(xx / (2.5 + c) + c) * np.cos(yy / (4.0 - c)) for c in range(3)]
    img = np.stack(channels, axis=-1) + 0.12 * rng.standard_normal((size, size, 3))
    return quantise(img)


def quantise(img):
    return np.clip(np.round(img * 255), 0, 255).astype(np.uint8)


def floats(u8):
    """The workbench's decoding of 8-bit pixels (ImageSet.copyTo), then float64 for scikit-image."""
    return (u8.astype(np.float32) * (np.float32(1) / np.float32(255))).astype(np.float64)


def filled(original, x, y, size, fill):
    composite = original.copy()
    composite[y:y + size, x:x + size] = fill(original[y:y + size, x:x + size])
    return composite


def flat(patch):
    return np.round(patch.reshape(-1, 3).mean(axis=0)).astype(np.uint8)


def noise(patch):
    return rng.integers(0, 256, patch.shape, dtype=np.uint8)


def blur(patch):
    """A 3x3 box blur of the hole's own content: the right colours, less detail."""
    p = np.pad(patch.astype(np.float64), ((1, 1), (1, 1), (0, 0)), mode='edge')
    out = sum(p[dy:dy + patch.shape[0], dx:dx + patch.shape[1]] for dy in range(3) for dx in range(3)) / 9
    return np.round(out).astype(np.uint8)


def grey(patch):
    return np.uint8(77)


texture32 = texture(32)
texture64 = texture(64)
texture11 = texture(11)
# name, original, hole x, y, side, fill; a hole the size of the image makes the two images differ everywhere.
pairs = [
    ("centre-flat", texture32, 8, 8, 16, flat),
    ("centre-noise", texture32, 8, 8, 16, noise),
    ("centre-blur", texture32, 8, 8, 16, blur),
    ("left-border", texture32, 0, 20, 12, grey),
    ("top-right-64", texture64, 40, 3, 16, noise),
    ("everywhere-32", texture32, 0, 0, 32, lambda p: quantise(floats(p) + 0.1 * rng.standard_normal(p.shape))),
    ("everywhere-11", texture11, 0, 0, 11, noise),
]

with open("skimage.csv", "w", newline="") as f:
    f.write(f"# scikit-image {skimage.__version__}, scipy {scipy.__version__}, numpy {np.__version__}\n")
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["name", "size", "hole_x", "hole_y", "hole_size", "ssim"])
    for name, original, x, y, side, fill in pairs:
        composite = filled(original, x, y, side, fill)
        outside = np.ones(original.shape[:2], bool)
        outside[y:y + side, x:x + side] = False
        assert (composite[outside] == original[outside]).all()
        Image.fromarray(original, "RGB").save(f"{name}-original.png", optimize=True)
        Image.fromarray(composite, "RGB").save(f"{name}-composite.png", optimize=True)
        ssim = structural_similarity(floats(original), floats(composite), gaussian_weights=True, sigma=1.5,
                                     use_sample_covariance=False, data_range=1.0, channel_axis=-1)
        out.writerow([name, original.shape[0], x, y, side, repr(float(ssim))])
