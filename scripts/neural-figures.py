#!/usr/bin/env python3
"""The figures of codec-lib/README.md for the neural codec, as markdown: rate-quality of the
held-out clips against the x264/x265 ladders, x265 intra-only, JPEG and the residual-layered x265
baseline; quality by layers and by exit; decode time per frame; the measured gap to each target.

Reads the profiles in --profiles (made by scripts/make-profiles.sh and make-neural-profiles.sh)
and runs `lvc intra-baseline` for the intra-only references. Standard library only.
"""
import argparse
import json
import math
import os
import subprocess

# The held-out side of the split (codec-lib/train/training-data.cc) with the reading options of
# scripts/make-profiles.sh.
HELD_OUT = [
    ("foreman_cif_60f", "videos/y4m/foreman_cif_60f.y4m", []),
    ("mobile_cif_30f", "videos/y4m/mobile_cif_30f.y4m", []),
    ("test_cif_I_CABAC_slice", "videos/h264/test_cif_I_CABAC_slice.264", ["--fps", "29.97"]),
    ("CVPCMNL1_SVA_C", "videos/h264/CVPCMNL1_SVA_C.264", ["--fps", "29.97"]),
    ("LS_SVA_D", "videos/h264/LS_SVA_D.264", ["--fps", "25"]),
]
BASELINES = ["x264-ladder", "x265-ladder", "x265-residual-layered"]


def load(path):
    with open(path) as f:
        return json.load(f)


def curve(profile):
    """Per level: (bpp, PSNR-Y, MS-SSIM), cumulative bytes for layered content."""
    v = profile["video"]
    pixels = v["width"] * v["height"] * v["frames"]
    total = sum(c.get("duration_s", profile["chunk_duration_s"]) for c in profile["chunks"])
    levels = len(profile["chunks"][0]["layers"])
    points = []
    for level in range(levels):
        bits = 0
        psnr = 0
        msssim = 0
        for c in profile["chunks"]:
            d = c.get("duration_s", profile["chunk_duration_s"]) / total
            if profile["layered"]:
                bits += 8 * sum(layer["bytes"] for layer in c["layers"][: level + 1])
            else:
                bits += 8 * c["layers"][level]["bytes"]
            psnr += d * c["layers"][level]["psnr_db"]
            msssim += d * c["layers"][level].get("ms_ssim", 0)
        points.append((bits / pixels, psnr, msssim))
    return points


def exits(profile):
    """[k][exit] -> (PSNR-Y, decode ms per frame), duration-weighted over chunks."""
    total = sum(c.get("duration_s", profile["chunk_duration_s"]) for c in profile["chunks"])
    frames_per_s = profile["video"]["fps"]
    out = []
    for k in range(len(profile["chunks"][0]["layers"])):
        row = []
        for e in range(len(profile["chunks"][0]["layers"][k]["exits"])):
            psnr = 0
            ms = 0
            frames = 0
            for c in profile["chunks"]:
                d = c.get("duration_s", profile["chunk_duration_s"])
                psnr += d / total * c["layers"][k]["exits"][e]["psnr_db"]
                ms += c["layers"][k]["exits"][e]["decode_ms"]
                frames += d * frames_per_s
            row.append((psnr, ms / frames))
        out.append(row)
    return out


def at_bpp(points, bpp):
    """PSNR of a rate-quality curve at `bpp` (linear in log bpp); None outside its range."""
    pts = sorted(points)
    for (b0, p0, _), (b1, p1, _) in zip(pts, pts[1:]):
        if b0 <= bpp <= b1 and b1 > b0:
            t = (math.log(bpp) - math.log(b0)) / (math.log(b1) - math.log(b0))
            return p0 + t * (p1 - p0)
    return None


def intra(lvc, shared, clip, options, encoder, frames):
    text = subprocess.run(
        [lvc, "--quiet", "intra-baseline", os.path.join(shared, clip), "--encoder", encoder,
         "--frames", frames]
        + options,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    points = []
    for line in text.splitlines()[2:]:
        cells = [x.strip() for x in line.strip("|").split("|")]
        points.append((float(cells[1]), float(cells[2]), float(cells[4])))
    return points


def fmt(x, digits=2):
    return "n/a" if x is None else f"{x:+.{digits}f}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lvc", required=True)
    ap.add_argument("--shared", required=True)
    ap.add_argument("--weights", required=True)
    ap.add_argument("--profiles", required=True)
    ap.add_argument("--frames", default="0", help="intra baselines on the first N frames (debug)")
    args = ap.parse_args()

    neural_meta = None
    print("# Neural codec figures (held-out clips)\n")
    print("Made by scripts/make-neural-profiles.sh (scripts/neural-figures.py). bpp = bits /")
    print("(width x height x frames); layered codecs: layers 1..k (cumulative bytes). PSNR-Y and")
    print("MS-SSIM-Y: duration-weighted means over chunks of per-chunk means over frames.")
    print("x265-intra: every frame an I frame (`lvc intra-baseline --encoder x265`, CRF 24..44);")
    print("JPEG: libavcodec's mjpeg, q 2..31.\n")
    gaps = []
    by_exit = {}
    for stem, clip, options in HELD_OUT:
        neural = load(os.path.join(args.profiles, stem + ".neural-layered.json"))
        neural_meta = neural["codec"]
        curves = {"neural-layered": curve(neural)}
        for b in BASELINES:
            curves[b] = curve(load(os.path.join(args.profiles, f"{stem}.{b}.json")))
        curves["x265-intra"] = intra(args.lvc, args.shared, clip, options, "x265", args.frames)
        curves["jpeg"] = intra(args.lvc, args.shared, clip, options, "jpeg", args.frames)
        print(f"## {stem} ({neural['video']['width']}x{neural['video']['height']}, "
              f"{neural['video']['frames']} frames)\n")
        print("| codec | level | bpp | PSNR-Y (dB) | MS-SSIM-Y |")
        print("|---|---|---|---|---|")
        for name, pts in curves.items():
            for i, (b, p, m) in enumerate(pts):
                print(f"| {name} | {i + 1} | {b:.4f} | {p:.2f} | {m:.4f} |")
        print()
        n = curves["neural-layered"]
        for k, (b, p, _) in enumerate(n):
            gaps.append((stem, k + 1, b, p,
                         p - n[k - 1][1] if k > 0 else None,
                         None if at_bpp(curves["x265-residual-layered"], b) is None
                         else p - at_bpp(curves["x265-residual-layered"], b),
                         None if at_bpp(curves["jpeg"], b) is None else p - at_bpp(curves["jpeg"], b),
                         None if at_bpp(curves["x265-ladder"], b) is None
                         else p - at_bpp(curves["x265-ladder"], b),
                         None if at_bpp(curves["x265-intra"], b) is None
                         else p - at_bpp(curves["x265-intra"], b)))
        by_exit[stem] = exits(neural)

    print("## Targets: the neural codec's measured gaps\n")
    print("Per held-out clip and layer prefix k: the PSNR-Y the k-th layer adds, and the PSNR-Y")
    print("difference to each reference at the neural codec's own bpp (reference interpolated")
    print("linearly in log bpp between its points; n/a where the bpp is outside its range).\n")
    print("| clip | k | bpp | PSNR-Y | layer k adds | vs residual x265 | vs JPEG | vs x265 ladder "
          "| vs x265 intra |")
    print("|---|---|---|---|---|---|---|---|---|")
    for stem, k, b, p, add, res, jpg, lad, intra_gap in gaps:
        print(f"| {stem} | {k} | {b:.4f} | {p:.2f} | {fmt(add)} | {fmt(res)} | {fmt(jpg)} | "
              f"{fmt(lad)} | {fmt(intra_gap)} |")
    print()
    print("## Quality by layers and exit (PSNR-Y dB) and decode time per frame (ms)\n")
    print(f"decode_ms measured on: {neural_meta.get('decode_device', '?')}\n")
    for stem, table in by_exit.items():
        print(f"### {stem}\n")
        heads = " | ".join(f"exit {e + 1} PSNR | exit {e + 1} ms/frame" for e in range(len(table[0])))
        print(f"| layers | {heads} |")
        print("|---|" + "---|" * (2 * len(table[0])))
        for k, row in enumerate(table):
            cells = " | ".join(f"{p:.2f} | {ms:.1f}" for p, ms in row)
            print(f"| 1..{k + 1} | {cells} |")
        print()


if __name__ == "__main__":
    main()
