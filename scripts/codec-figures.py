#!/usr/bin/env python3
"""The figures of codec-lib/README.md for the layered wavelet codec, as markdown: the issue's
targets per held-out clip (layering, BD-rate against the residual-layered x265 stand-in for SHVC,
BD-PSNR against the x265 ladder, against layered JPEG 2000 and x265 intra at every rate, decode
time against the number of layers), decode and encode speed, what the restoration network adds
per prefix and exit, what the mixing context model saves, and rate-quality tables.

Reads the profiles in --profiles (scripts/make-profiles.sh, make-codec-profiles.sh), runs
`lvc bd-rate` for every Bjontegaard figure (one implementation, the tool's), `lvc intra-baseline`
for x265 intra, and `lvc encode` / `lvc decode` on foreman for the speeds. Standard library only.
"""
import argparse
import os
import subprocess
import tempfile
import time

from profile_curves import curve, duration, gap_at, load, weights_metadata

# The held-out clips and how `lvc intra-baseline` reads them (as scripts/profile-clips.sh does).
HELD_OUT = {
    "foreman_cif_60f": ("videos/y4m/foreman_cif_60f.y4m", []),
    "mobile_cif_30f": ("videos/y4m/mobile_cif_30f.y4m", []),
    "test_cif_I_CABAC_slice": ("videos/h264/test_cif_I_CABAC_slice.264", ["--fps", "29.97"]),
    "CVPCMNL1_SVA_C": ("videos/h264/CVPCMNL1_SVA_C.264", ["--fps", "29.97"]),
    "LS_SVA_D": ("videos/h264/LS_SVA_D.264", ["--fps", "25"]),
}
CODEC = "wavelet-layered"






def rate_psnr(profile):
    """Per level: (bpp, PSNR-Y)."""
    return [p[:2] for p in curve(profile)]


def exits(profile):
    """[k][exit] -> (PSNR-Y, decode ms per frame) over the clip."""
    total = sum(duration(profile, c) for c in profile["chunks"])
    frames = profile["video"]["frames"]
    layers = profile["chunks"][0]["layers"]
    return [[(sum(duration(profile, c) / total * c["layers"][k]["exits"][e]["psnr_db"] for c in profile["chunks"]),
              sum(c["layers"][k]["exits"][e]["decode_ms"] for c in profile["chunks"]) / frames)
             for e in range(len(layers[k]["exits"]))] for k in range(len(layers))]



def bd(lvc, reference, test, min_level=1):
    """(BD-rate %, BD-PSNR dB) from `lvc bd-rate`; None when the curves do not overlap."""
    cmd = [lvc, "bd-rate", reference, test]
    if min_level > 1:
        cmd += ["--reference-min-level", str(min_level), "--test-min-level", str(min_level)]
    run = subprocess.run(cmd, capture_output=True, text=True)
    if run.returncode != 0:
        return None
    words = run.stdout.split()
    return float(words[1]), float(words[4])


def intra(lvc, shared, clip, options):
    cmd = [lvc, "--quiet", "intra-baseline", os.path.join(shared, clip), "--encoder", "x265"] + options
    text = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    points = []
    for line in text.splitlines()[2:]:
        cells = [x.strip() for x in line.strip("|").split("|")]
        points.append((float(cells[1]), float(cells[2])))
    return points


def fmt_bd(value, unit):
    return "no overlap" if value is None else f"{value:+.2f}{unit}"


def worst_gap(ours, reference):
    gaps = [gap_at(reference, b, p) for b, p in ours]
    g, rel = min(gaps, key=lambda x: x[0])
    return g, rel, all(x[0] > 0 for x in gaps)


def mean(xs):
    xs = [x for x in xs if x is not None]
    return sum(xs) / len(xs) if xs else float("nan")


def timed(cmd):
    start = time.monotonic()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.monotonic() - start


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--lvc", required=True)
    ap.add_argument("--shared", required=True)
    ap.add_argument("--profiles", required=True)
    ap.add_argument("--restore-weights", required=True)
    ap.add_argument("--picture", default="")
    ap.add_argument("--clips", default="")
    ap.add_argument("--modes", default="")
    args = ap.parse_args()
    only = set(filter(None, args.clips.split(",")))
    clips = [c for c in HELD_OUT if not only or c in only]
    p = lambda stem, codec: os.path.join(args.profiles, f"{stem}.{codec}.json")
    meta = weights_metadata(args.restore_weights)
    first = load(p(clips[0], CODEC))

    print("# Layered wavelet codec: figures (held-out clips)\n")
    print("Made by scripts/make-codec-profiles.sh (scripts/codec-figures.py). bpp = bits / (width x height x")
    print("frames); layered codecs: layers 1..k, cumulative bytes, headers included. PSNR-Y: duration-weighted")
    print("means over chunks of per-chunk means over frames; the codec's at its full exit. BD-rate and BD-PSNR:")
    print("`lvc bd-rate` (cubic fits over the overlap). Held out of all training: the Foreman and Mobile family.\n")
    print(f"Codec: {first['codec']['version']}; restoration weights `{os.path.basename(args.restore_weights)}` "
          f"(sha256 {first['codec'].get('weights_sha256', '')[:16]}..., {meta.get('train_steps', '?')} steps, "
          f"{float(meta.get('train_seconds', 0)) / 60:.0f} min of training); times on {first['codec'].get('decode_device', '')}.\n")
    if args.picture:
        print(f"![one held-out frame with layers 1..1, 1..2, 1..4, 1..K, then the source]({args.picture})\n")

    rows = []
    for stem in clips:
        ours_profile = load(p(stem, CODEC))
        ours = rate_psnr(ours_profile)
        gains = [b[1] - a[1] for a, b in zip(ours, ours[1:])]
        clip, options = HELD_OUT[stem]
        x265_intra = intra(args.lvc, args.shared, clip, options)
        jpeg2000 = rate_psnr(load(p(stem, "jpeg2000-layered")))
        ex = exits(ours_profile)
        rows.append({
            "stem": stem,
            "min_gain": min(gains), "k_vs_1": ours[-1][1] - ours[0][1],
            "res": bd(args.lvc, p(stem, "x265-residual-layered"), p(stem, CODEC), 2),
            "lad": bd(args.lvc, p(stem, "x265-ladder"), p(stem, CODEC)),
            "j2k_bd": bd(args.lvc, p(stem, "jpeg2000-layered"), p(stem, CODEC)),
            "j2k": worst_gap(ours, jpeg2000), "intra": worst_gap(ours, x265_intra),
            # k = K over k = 1 at the skip, the plain and the full exit
            "decode_ratio": [ex[-1][e][1] / ex[0][e][1] for e in (0, 1, len(ex[0]) - 1)],
            "curves": {CODEC: ours, "jpeg2000-layered": jpeg2000, "x265-intra": x265_intra,
                       "x265-ladder": rate_psnr(load(p(stem, "x265-ladder"))),
                       "x265-residual-layered": rate_psnr(load(p(stem, "x265-residual-layered")))},
            "exits": ex,
        })

    print("## The targets\n")
    print("Per clip: the smallest PSNR-Y a layer adds and K layers against one; BD-rate against the residual-")
    print("layered x265 (levels >= 2 of both); BD-PSNR and BD-rate against the x265 ladder; against layered")
    print("JPEG 2000 and x265 intra, the worst PSNR-Y difference at the codec's own rates (`>=`: that")
    print("reference's lowest rate has more bits, so the true difference is larger) and whether the codec is")
    print("better at every rate; decode time of K layers over one layer at exits 1 (temporal skip), 2")
    print("(plain) and the last (the full decoder).\n")
    print("| clip | smallest layer gain | K vs 1 | BD-rate vs residual x265 | BD-PSNR vs x265 ladder | BD-rate vs x265 ladder | vs JPEG 2000 (worst; every rate) | vs x265 intra (worst; every rate) | decode k=K / k=1, exits 1 / 2 / last |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        res = r["res"][0] if r["res"] else None
        lad_psnr = r["lad"][1] if r["lad"] else None
        lad_rate = r["lad"][0] if r["lad"] else None
        j, jrel, jall = r["j2k"]
        i, irel, iall = r["intra"]
        print(f"| {r['stem']} | {r['min_gain']:+.2f} dB | {r['k_vs_1']:+.2f} dB | {fmt_bd(res, ' %')} | "
              f"{fmt_bd(lad_psnr, ' dB')} | {fmt_bd(lad_rate, ' %')} | {'' if jrel == '=' else jrel + ' '}{j:+.2f} dB; "
              f"{'yes' if jall else 'no'} | {'' if irel == '=' else irel + ' '}{i:+.2f} dB; {'yes' if iall else 'no'} | "
              + " / ".join(f"{x:.2f}" for x in r["decode_ratio"]) + " |")
    print(f"| **mean** | {mean([r['min_gain'] for r in rows]):+.2f} dB | {mean([r['k_vs_1'] for r in rows]):+.2f} dB | "
          f"{mean([r['res'][0] if r['res'] else None for r in rows]):+.2f} % | "
          f"{mean([r['lad'][1] if r['lad'] else None for r in rows]):+.2f} dB | "
          f"{mean([r['lad'][0] if r['lad'] else None for r in rows]):+.2f} % | | | "
          + " / ".join(f"{mean([r['decode_ratio'][i] for r in rows]):.2f}" for i in range(3)) + " |\n")

    print("## The exits: what the temporal skip loses and the restoration network adds\n")
    print("PSNR-Y of each exit minus exit 2 (every frame rebuilt, no network), per layer prefix, mean over")
    print("the clips; exits 3.. use the network depth their chunk's exit map chose (never worse than a")
    print("shallower one); decode time per frame over the clips' frames, one thread.\n")
    k_max = len(rows[0]["exits"])
    n_exits = len(rows[0]["exits"][0])
    print("| k | " + " | ".join(f"exit {e + 1}" for e in range(n_exits) if e != 1) + " | decode ms per frame, exits 1.." + str(n_exits) + " |")
    print("|---|" + "---|" * n_exits)
    for k in range(k_max):
        cells = [f"{mean([r['exits'][k][e][0] - r['exits'][k][1][0] for r in rows]):+.3f} dB" for e in range(n_exits) if e != 1]
        times = " / ".join(f"{mean([r['exits'][k][e][1] for r in rows]):.1f}" for e in range(n_exits))
        print(f"| {k + 1} | " + " | ".join(cells) + f" | {times} |")
    print()

    print("## Speed (foreman, CIF)\n")
    settings = load(p("foreman_cif_60f", CODEC))["codec"]["settings"]
    net = settings.get("network_exit_ms_per_frame", [])
    print(f"Per frame, one thread (profile settings): plain reconstruction at K layers "
          f"{settings.get('plain_decode_ms_per_frame', float('nan')):.1f} ms; the network to decoder "
          + ", ".join(f"exit {e + 3}: +{ms:.1f} ms" for e, ms in enumerate(net))
          + f"; encode (exit maps decided) {settings.get('encode_ms_per_frame', float('nan')):.1f} ms.")
    with tempfile.TemporaryDirectory() as tmp:
        clip = os.path.join(args.shared, HELD_OUT["foreman_cif_60f"][0])
        plain = os.path.join(tmp, "plain.lvc")
        mapped = os.path.join(tmp, "mapped.lvc")
        encode_s = timed([args.lvc, "--quiet", "encode", clip, "--restore-weights", "none", "-o", plain])
        timed([args.lvc, "--quiet", "encode", clip, "--restore-weights", args.restore_weights, "-o", mapped])
        frames = load(p("foreman_cif_60f", CODEC))["video"]["frames"]
        line = [f"encode without exit maps {frames / encode_s:.1f} frames/s"]
        for exit_ in range(1, n_exits + 1):
            secs = timed([args.lvc, "--quiet", "decode", mapped, "--exit", str(exit_), "--threads", "2",
                          "--restore-weights", args.restore_weights])
            line.append(f"decode at exit {exit_} {frames / secs:.1f} frames/s")
        print("Whole commands (`lvc encode` / `lvc decode --threads 2`, wall time, process start and file I/O "
              "included): " + "; ".join(line) + ".\n")

    if args.modes:
        print("## Context models\n")
        print("BD-rate of the mixing context model (three context models mixed by weights that learn online)")
        print("against the shipped adaptive one, same clips and settings:\n")
        print("| clip | BD-rate | BD-PSNR |")
        print("|---|---|---|")
        for stem in clips:
            mixing = os.path.join(args.modes, f"{stem}.wavelet-mixing.json")
            if os.path.exists(mixing):
                r = bd(args.lvc, p(stem, CODEC), mixing)
                print(f"| {stem} | {fmt_bd(r[0] if r else None, ' %')} | {fmt_bd(r[1] if r else None, ' dB')} |")
        print()

    print("## Rate-quality (bpp / PSNR-Y)\n")
    for r in rows:
        print(f"### {r['stem']}\n")
        print("| codec | " + " | ".join(f"level {i + 1}" for i in range(8)) + " |")
        print("|---|" + "---|" * 8)
        for codec, pts in r["curves"].items():
            cells = [f"{b:.4f} / {q:.2f}" for b, q in sorted(pts)] + [""] * (8 - len(pts))
            print(f"| {codec} | " + " | ".join(cells[:8]) + " |")
        print()


if __name__ == "__main__":
    main()
