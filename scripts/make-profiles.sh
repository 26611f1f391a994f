#!/usr/bin/env bash
# Makes the shipped video profiles in traces/profiles/ from every clip of the shared videos folder:
# the x264 ladder, the x265 ladder and the residual-layered x265 baseline, 2 s chunks, real encodes
# through libavcodec (codec-lib's `lvc`). Also writes traces/profiles/rate-quality.md (the tables
# codec-lib/README.md quotes). Takes about 6 minutes on 2 cores.
#
#   scripts/make-profiles.sh [BUILD_DIR]     (default: build; needs `ninja -C BUILD_DIR lvc`)
#
# Environment: LAYERED_VIDEO_SHARED_DIR (default: ../shared beside the repository), LVC_THREADS
# (default 2).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$repo/build}
shared=${LAYERED_VIDEO_SHARED_DIR:-$repo/../shared}
threads=${LVC_THREADS:-2}
lvc=$build/codec-lib/lvc
out=$repo/traces/profiles
check=$shared/tools/check-profile

if [[ ! -x $lvc ]]; then
    echo "make-profiles: $lvc not found; build it first: ninja -C $build lvc" >&2
    exit 1
fi
mkdir -p "$out"

# The clips and how to read them: scripts/profile-clips.sh (shared with make-neural-profiles.sh).
# shellcheck source=profile-clips.sh
source "$repo/scripts/profile-clips.sh"
clips=("${profile_clips[@]}")
codecs=(x264-ladder x265-ladder x265-residual-layered)

start=$(date +%s)
made=()
for entry in "${clips[@]}"; do
    IFS='|' read -r clip options why <<<"$entry"
    stem=$(basename "${clip%.*}")
    echo "== $clip ($why)"
    for codec in "${codecs[@]}"; do
        profile=$out/$stem.$codec.json
        clip_start=$(date +%s)
        # shellcheck disable=SC2086 # $options holds several words on purpose
        "$lvc" profile "$shared/$clip" --codec "$codec" $options --threads "$threads" \
            --name "$stem" --source "$clip" -o "$profile" >/dev/null
        echo "   $codec: $(basename "$profile") in $(($(date +%s) - clip_start)) s"
        made+=("$profile")
    done
done
# The chunk-level benchmark's 6-layer content (bench/README.md): the flower clip's residual x265
# baseline with six cumulative targets over the same range as its ladder.
flower=videos/h264/VID_1280x720_cabac_temporal_direct.264
six=$out/VID_1280x720_cabac_temporal_direct.x265-residual-layered-6.json
"$lvc" layered-baseline "$shared/$flower" --width 640 --height 360 --chunk-s 2 \
    --bitrates-kbps 80 250 450 700 1000 1450 --threads "$threads" \
    --name VID_1280x720_cabac_temporal_direct --source "$flower" -o "$six" >/dev/null
echo "   x265-residual-layered, 6 layers: $(basename "$six")"
made+=("$six")
echo "== all profiles in $(($(date +%s) - start)) s"

"$check" "${made[@]}"
echo "== check-profile: ${#made[@]} profiles pass"

{
    echo "# Rate-quality of the shipped profiles"
    echo
    echo "Made by scripts/make-profiles.sh with \`lvc rate-quality\` and \`lvc overhead\`; bpp is"
    echo "bits / (width x height x frames) at the profiled resolution; PSNR-Y and SSIM-Y are means"
    echo "over chunks (weighted by duration) of per-chunk means over frames."
    echo
    "$lvc" rate-quality "${made[@]}"
    echo
    echo "## Residual-layered x265 against the x265 ladder at equal PSNR-Y"
    echo
    echo "overhead = the layered bytes of layers 1..k / the bytes the x265 ladder needs for the"
    echo "same PSNR-Y (log-bytes interpolated between its rungs)."
    echo
    first=1
    for entry in "${clips[@]}"; do
        IFS='|' read -r clip _ _ <<<"$entry"
        stem=$(basename "${clip%.*}")
        if [[ $first == 1 ]]; then
            "$lvc" overhead "$out/$stem.x265-residual-layered.json" "$out/$stem.x265-ladder.json"
            first=0
        else
            "$lvc" overhead "$out/$stem.x265-residual-layered.json" "$out/$stem.x265-ladder.json" |
                tail -n +3
        fi
    done
} >"$out/rate-quality.md"
echo "== wrote $out/rate-quality.md"
