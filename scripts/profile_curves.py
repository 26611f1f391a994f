"""Helpers of the figure scripts (neural-figures.py, codec-figures.py): profiles as
rate-quality curves and PSNR gaps between curves. Standard library only."""
import json
import math


def load(path):
    with open(path) as f:
        return json.load(f)


def weights_metadata(path):
    """The safetensors file's __metadata__ (train_steps, train_seconds, ...)."""
    with open(path, "rb") as f:
        size = int.from_bytes(f.read(8), "little")
        return json.loads(f.read(size)).get("__metadata__", {})


def duration(profile, chunk):
    return chunk.get("duration_s", profile["chunk_duration_s"])


def curve(profile):
    """Per level: (bpp, PSNR-Y, MS-SSIM), cumulative bytes for layered content."""
    v = profile["video"]
    pixels = v["width"] * v["height"] * v["frames"]
    total = sum(duration(profile, c) for c in profile["chunks"])
    points = []
    for level in range(len(profile["chunks"][0]["layers"])):
        bits = psnr = msssim = 0
        for c in profile["chunks"]:
            d = duration(profile, c) / total
            if profile["layered"]:
                bits += 8 * sum(layer["bytes"] for layer in c["layers"][: level + 1])
            else:
                bits += 8 * c["layers"][level]["bytes"]
            psnr += d * c["layers"][level]["psnr_db"]
            msssim += d * c["layers"][level].get("ms_ssim", 0)
        points.append((bits / pixels, psnr, msssim))
    return points


def gap_at(points, bpp, psnr):
    """(psnr - reference PSNR at `bpp`, relation): '=' with the reference (points of (bpp, PSNR,
    ...)) interpolated linearly in log bpp; outside its range a bound from its nearest end ('<=':
    the reference has fewer bits there, '>=': more bits)."""
    pts = sorted(p[:2] for p in points)
    if bpp > pts[-1][0]:
        return psnr - pts[-1][1], "<="
    if bpp < pts[0][0]:
        return psnr - pts[0][1], ">="
    for (b0, p0), (b1, p1) in zip(pts, pts[1:]):
        if b0 <= bpp <= b1:
            t = 0 if b1 == b0 else (math.log(bpp) - math.log(b0)) / (math.log(b1) - math.log(b0))
            return psnr - (p0 + t * (p1 - p0)), "="
    return None, "="
