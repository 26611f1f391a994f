#!/usr/bin/env python3
"""The figures of codec-lib/README.md for the neural codec, as markdown: rate-quality of the
held-out clips against the x264/x265 ladders, x265 intra-only, JPEG and the residual-layered x265
baseline; the measured gap to each of the issue's three targets; quality by layers and by exit;
encode and decode time per frame by number of layers.

Reads the profiles in --profiles (made by scripts/make-profiles.sh and make-neural-profiles.sh)
and runs `lvc intra-baseline` for the intra-only references. Standard library only.
"""
import argparse
import json
import math
import os
import subprocess

from profile_curves import curve, duration, gap_at, load, weights_metadata

# Every shared clip with the reading options of scripts/make-profiles.sh; True: held out from
# training (the split of codec-lib/train/training-data.cc).
CLIPS = {
    "foreman_cif_60f": ("videos/y4m/foreman_cif_60f.y4m", [], True),
    "mobile_cif_30f": ("videos/y4m/mobile_cif_30f.y4m", [], True),
    "test_cif_I_CABAC_slice": ("videos/h264/test_cif_I_CABAC_slice.264", ["--fps", "29.97"], True),
    "CVPCMNL1_SVA_C": ("videos/h264/CVPCMNL1_SVA_C.264", ["--fps", "29.97"], True),
    "LS_SVA_D": ("videos/h264/LS_SVA_D.264", ["--fps", "25"], True),
    "street_384x216_54f": ("videos/y4m/street_384x216_54f.y4m", [], False),
    "VID_1280x720_cabac_temporal_direct": (
        "videos/h264/VID_1280x720_cabac_temporal_direct.264", ["--width", "640", "--height", "360"],
        False),
    "VID_1920x1080_cabac_temporal_direct": (
        "videos/h264/VID_1920x1080_cabac_temporal_direct.264", ["--width", "960", "--height", "540"],
        False),
    "Adobe_PDF_sample_a_1024x768_50Frms": (
        "videos/h264/Adobe_PDF_sample_a_1024x768_50Frms.264", ["--fps", "25"], False),
}
BASELINES = ["x264-ladder", "x265-ladder", "x265-residual-layered"]
# The targets.
LAYER_GAIN_DB = 6.0  # K layers at least this much above one layer
X265_WITHIN_DB = 1.5  # at most this much below x265 at equal bpp
RESIDUAL_FROM_K = 4  # beat the residual-layered baseline at k >= 4 layers






def exits(profile):
    """[k][exit] -> (PSNR-Y, decode ms per frame), over the whole clip."""
    total = sum(duration(profile, c) for c in profile["chunks"])
    frames = profile["video"]["frames"]
    out = []
    for k in range(len(profile["chunks"][0]["layers"])):
        row = []
        for e in range(len(profile["chunks"][0]["layers"][k]["exits"])):
            psnr = sum(duration(profile, c) / total * c["layers"][k]["exits"][e]["psnr_db"]
                       for c in profile["chunks"])
            ms = sum(c["layers"][k]["exits"][e]["decode_ms"] for c in profile["chunks"])
            row.append((psnr, ms / frames))
        out.append(row)
    return out



def intra(lvc, shared, clip, options, encoder, frames):
    cmd = [lvc, "--quiet", "intra-baseline", os.path.join(shared, clip), "--encoder", encoder]
    if frames != "0":
        cmd += ["--frames", frames]
    text = subprocess.run(cmd + options, check=True, capture_output=True, text=True).stdout
    points = []
    for line in text.splitlines()[2:]:
        cells = [x.strip() for x in line.strip("|").split("|")]
        points.append((float(cells[1]), float(cells[2]), float(cells[4])))
    return points


def fmt_gap(gap):
    value, relation = gap
    if value is None:
        return "n/a"
    return ("" if relation == "=" else relation + " ") + f"{value:+.2f}"


def mean(xs):
    return sum(xs) / len(xs) if xs else float("nan")


def print_targets(results, k_max):
    print("## The three targets: measured gaps\n")
    print("Per clip. (1) layering: the smallest PSNR-Y gain of an added layer (target > 0) and")
    print(f"layers 1..K over layer 1 (target >= {LAYER_GAIN_DB:.0f} dB). (2) PSNR-Y difference at")
    print(f"the codec's own bpp to the residual-layered x265 at k >= {RESIDUAL_FROM_K} (worst k; target > 0)")
    print("and to JPEG (worst k; target > 0). (3) difference to x265 at equal bpp, at K layers")
    print(f"(target >= -{X265_WITHIN_DB} dB): the x265 ladder (inter frames) and x265 intra-only.")
    print("A reference is interpolated linearly in log bpp between its points; `<= x`: the codec's")
    print("bpp is above the reference's highest point, so the true difference is at most x (the")
    print("reference would be better still with those bits); `>= x`: below its lowest point.\n")
    print("| clip | smallest layer gain | K vs 1 layer (gap to 6 dB) | vs residual x265, k >= 4 "
          "| vs JPEG | vs x265 ladder at K | vs x265 intra at K |")
    print("|---|---|---|---|---|---|---|")
    summary = {"gain": [], "kvs1": [], "res": [], "jpeg": [], "lad": [], "intra": []}
    for stem, r in results.items():
        n = r["curves"]["neural-layered"]
        adds = [n[k][1] - n[k - 1][1] for k in range(1, k_max)]
        kvs1 = n[-1][1] - n[0][1]
        res = min((r["gaps"][k]["res"] for k in range(RESIDUAL_FROM_K - 1, k_max)),
                  key=lambda g: g[0])
        jpg = min((r["gaps"][k]["jpeg"] for k in range(k_max)), key=lambda g: g[0])
        lad = r["gaps"][k_max - 1]["lad"]
        intra_gap = r["gaps"][k_max - 1]["intra"]
        for key, value in (("gain", min(adds)), ("kvs1", kvs1), ("res", res[0]),
                           ("jpeg", jpg[0]), ("lad", lad[0]), ("intra", intra_gap[0])):
            summary[key].append(value)
        print(f"| {stem} | {min(adds):+.2f} dB | {kvs1:+.2f} dB ({max(0, LAYER_GAIN_DB - kvs1):.2f}"
              f" short) | {fmt_gap(res)} | {fmt_gap(jpg)} | {fmt_gap(lad)} | {fmt_gap(intra_gap)} |")
    print(f"| **mean** | {mean(summary['gain']):+.2f} dB | {mean(summary['kvs1']):+.2f} dB | "
          f"{mean(summary['res']):+.2f} | {mean(summary['jpeg']):+.2f} | {mean(summary['lad']):+.2f}"
          f" | {mean(summary['intra']):+.2f} |")
    print()
    met1 = all(g > 0 for g in summary["gain"]) and all(x >= LAYER_GAIN_DB for x in summary["kvs1"])
    met2 = all(x > 0 for x in summary["res"]) and all(x > 0 for x in summary["jpeg"])
    met3 = all(x >= -X265_WITHIN_DB for x in summary["lad"])
    print(f"Target 1 {'met' if met1 else 'not met'}; target 2 {'met' if met2 else 'not met'}; "
          f"target 3 {'met' if met3 else 'not met'} (on these clips).\n")


def print_gaps(results):
    print("## Gaps by number of layers\n")
    print("Per clip and layer prefix k: the PSNR-Y layer k adds, and the PSNR-Y difference to each")
    print("reference at the codec's own bpp (see above for `<=` / `>=`).\n")
    print("| clip | k | bpp | PSNR-Y | MS-SSIM-Y | layer k adds | vs residual x265 | vs JPEG "
          "| vs x265 ladder | vs x265 intra |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for stem, r in results.items():
        n = r["curves"]["neural-layered"]
        for k, (b, p, m) in enumerate(n):
            g = r["gaps"][k]
            add = f"{p - n[k - 1][1]:+.2f}" if k > 0 else ""
            print(f"| {stem} | {k + 1} | {b:.4f} | {p:.2f} | {m:.4f} | {add} | {fmt_gap(g['res'])}"
                  f" | {fmt_gap(g['jpeg'])} | {fmt_gap(g['lad'])} | {fmt_gap(g['intra'])} |")
    print()


def print_times(results):
    print("## Quality by layers and exit, decode and encode time per frame\n")
    print("PSNR-Y (dB) of layers 1..k at each exit of the client decoder (exit 3: the full decoder)")
    print("and its decode time per frame (ms: parsing and entropy decoding of layers 1..k + rebuilding")
    print("every frame at that exit: the single-shot decoder on the anchors and, from the first")
    print("error layer on, the B frames' error codes, the interpolation; measured while making the")
    print("profile). Encode: the whole encoder for k layers (motion, network, entropy coding), ms")
    print("per frame.\n")
    for stem, r in results.items():
        table = r["exits"]
        settings = r["neural"]["codec"].get("settings", {})
        first = settings.get("b_error_first_layer", 1) if settings.get("b_error_layers") else 1
        encode = r["encode_ms"]
        print(f"### {stem}\n")
        heads = " | ".join(f"exit {e + 1} PSNR | exit {e + 1} ms" for e in range(len(table[0])))
        print(f"| layers | {heads} | encode ms |")
        print("|---|" + "---|" * (2 * len(table[0]) + 1))
        for k, row in enumerate(table):
            cells = " | ".join(f"{p:.2f} | {ms:.1f}" for p, ms in row)
            enc = f"{encode[k]:.1f}" if k < len(encode) else "n/a"
            print(f"| 1..{k + 1} | {cells} | {enc} |")
        last = len(table[0]) - 1
        print(f"\nDecode time at the full exit, K layers / {first} layer{'s' if first > 1 else ''}: "
              f"{table[-1][last][1] / table[first - 1][last][1]:.2f}x (flat in k by design"
              + (f"; layers 1..{first - 1} decode only the anchors and interpolate: "
                 f"{table[0][last][1] / table[first - 1][last][1]:.2f}x" if first > 1 else "")
              + ").\n")


# Other coding modes of the same weights (make-neural-profiles.sh's mode profiles): file suffix,
# label, the lvc options that made them.
MODES = [("neural-intra", "every frame a key frame", "--gop 0"),
         ("neural-interp", "B frames interpolated, no error layers", "--b-error-layers 0"),
         ("neural-errors-from-1", "B frames' error layers 1..K (bitstream version 2's mode)",
          "--b-error-first-layer 1")]


def error_layers(settings):
    return f"{settings.get('b_error_first_layer', 1)}..{settings.get('b_error_layers', '?')}"


def describe_mode(settings):
    if settings.get("gop_frames"):
        return (f"anchors every {settings['gop_frames']} frames, B frames interpolated with "
                f"x264's vectors (CRF {settings.get('motion_crf', '?')}, entropy coded in layer 1), "
                f"layers {error_layers(settings)} also coding the B frames' interpolation error")
    return "every frame coded as a key frame (intra)"


def print_modes(results, k_max):
    rows = [(stem, r) for stem, r in results.items() if r["modes"]]
    if not rows:
        return
    print("## What hierarchical coding brings\n")
    print(f"The same weights in {len(MODES) + 1} modes (rows: layers 1..1 and 1..K, bpp / PSNR-Y; then the")
    print("PSNR-Y difference at K layers to the residual-layered x265 and the x265 ladder at equal")
    print("bpp). Shipped: the mode of the profiles above.\n")
    print("| clip | mode | k = 1 | k = K | K vs 1 layer | vs residual x265 at K | vs x265 ladder at K "
          "| motion, bpp |")
    print("|---|---|---|---|---|---|---|---|")
    for stem, r in rows:
        settings = r["neural"]["codec"].get("settings", {})
        shipped = (f"shipped: GOP {settings['gop_frames']}, error layers {error_layers(settings)}"
                   if settings.get("gop_frames") else "shipped: intra")
        entries = [(shipped, r["curves"]["neural-layered"], r["neural"])]
        entries += r["modes"]
        for label, pts, profile in entries:
            b1, p1, _ = pts[0]
            bk, pk, _ = pts[-1]
            res = gap_at(r["curves"]["x265-residual-layered"], bk, pk)
            lad = gap_at(r["curves"]["x265-ladder"], bk, pk)
            v = profile["video"]
            motion = profile["codec"].get("settings", {}).get("motion_bytes")
            motion_bpp = (f"{8 * motion / (v['width'] * v['height'] * v['frames']):.4f}"
                          if motion is not None else "-")
            print(f"| {stem} | {label} | {b1:.4f} / {p1:.2f} | {bk:.4f} / {pk:.2f} | "
                  f"{pk - p1:+.2f} dB | {fmt_gap(res)} | {fmt_gap(lad)} | {motion_bpp} |")
    print()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lvc", required=True)
    ap.add_argument("--shared", required=True)
    ap.add_argument("--weights", required=True)
    ap.add_argument("--profiles", required=True, help="folder of the neural profiles")
    ap.add_argument("--baselines", default="", help="folder of the baseline profiles (default: "
                    "--profiles)")
    ap.add_argument("--clips", default="",
                    help="comma-separated clip stems (default: the held-out clips)")
    ap.add_argument("--picture", default="", help="the layer-strip PNG to show (repository path)")
    ap.add_argument("--frames", default="0", help="intra baselines on the first N frames (debug)")
    ap.add_argument("--modes", default="",
                    help="folder of neural profiles of the same weights in other modes "
                         "(<clip>.neural-intra.json, <clip>.neural-interp.json)")
    args = ap.parse_args()
    stems = args.clips.split(",") if args.clips else [s for s, c in CLIPS.items() if c[2]]

    results = {}
    meta = None
    for stem in stems:
        clip, options, _ = CLIPS[stem]
        neural = load(os.path.join(args.profiles, stem + ".neural-layered.json"))
        meta = neural["codec"]
        curves = {"neural-layered": curve(neural)}
        for b in BASELINES:
            curves[b] = curve(load(os.path.join(args.baselines or args.profiles,
                                                f"{stem}.{b}.json")))
        curves["x265-intra"] = intra(args.lvc, args.shared, clip, options, "x265", args.frames)
        curves["jpeg"] = intra(args.lvc, args.shared, clip, options, "jpeg", args.frames)
        gaps = []
        for b, p, _ in curves["neural-layered"]:
            gaps.append({"res": gap_at(curves["x265-residual-layered"], b, p),
                         "jpeg": gap_at(curves["jpeg"], b, p),
                         "lad": gap_at(curves["x265-ladder"], b, p),
                         "intra": gap_at(curves["x265-intra"], b, p)})
        modes = []
        for suffix, label, options in MODES:
            path = os.path.join(args.modes, f"{stem}.{suffix}.json") if args.modes else ""
            if path and os.path.exists(path):
                mode_profile = load(path)
                modes.append((f"{label} (`{options}`)", curve(mode_profile), mode_profile))
                curves[f"{suffix} ({options})"] = modes[-1][1]
        results[stem] = {"neural": neural, "curves": curves, "gaps": gaps, "modes": modes,
                         "exits": exits(neural),
                         "encode_ms": meta.get("settings", {}).get("encode_ms_per_frame", [])}
    k_max = len(results[stems[0]]["curves"]["neural-layered"])
    held = "held-out clips" if not args.clips else "clips: " + ", ".join(stems)

    print(f"# Neural codec figures ({held})\n")
    print("Made by scripts/make-neural-profiles.sh (scripts/neural-figures.py). bpp = bits /")
    print("(width x height x frames); layered codecs: layers 1..k (cumulative bytes, headers")
    print("included). PSNR-Y and MS-SSIM-Y: duration-weighted means over chunks of per-chunk means")
    print("over frames. x265-intra: every frame an I frame (`lvc intra-baseline --encoder x265`,")
    print("CRF 24..51); JPEG: libavcodec's mjpeg, q 2..69 (its largest; `--encoder jpeg`).\n")
    settings = meta.get("settings", {})
    print(f"Coding mode of these profiles: {describe_mode(settings)}.\n")
    print(f"Weights: `{meta.get('weights', '?')}` (sha256 {meta.get('weights_sha256', '?')[:16]}...),")
    print(f"{meta.get('version', '?')}; K = {k_max}; {settings.get('code_channels', '?')} bits per")
    print(f"16x16 block per layer. Times measured on: {meta.get('decode_device', '?')}.")
    trained = weights_metadata(args.weights)
    if "train_steps" in trained:
        print(f"Trained for {trained['train_steps']} steps, "
              f"{float(trained.get('train_seconds', 0)) / 60:.0f} min (train_seconds "
              f"{float(trained.get('train_seconds', 0)):.0f}), {trained.get('batch', '?')} patches "
              f"of {trained.get('patch_px', '?')} px per step.")
    print()
    if args.picture:
        print(f"![one frame with layers 1..1, 1..2, 1..4, 1..K, then the source]({args.picture})\n")
    print_targets(results, k_max)
    print_modes(results, k_max)
    print_gaps(results)
    print("## Rate-quality\n")
    for stem, r in results.items():
        v = r["neural"]["video"]
        print(f"### {stem} ({v['width']}x{v['height']}, {v['frames']} frames)\n")
        print("| codec | level | bpp | PSNR-Y (dB) | MS-SSIM-Y |")
        print("|---|---|---|---|---|")
        for name, pts in r["curves"].items():
            for i, (b, p, m) in enumerate(pts):
                print(f"| {name} | {i + 1} | {b:.4f} | {p:.2f} | {m:.4f} |")
        print()
    print_times(results)


if __name__ == "__main__":
    main()
