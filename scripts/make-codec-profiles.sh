#!/usr/bin/env bash
# Makes the layered wavelet codec's shipped profiles in traces/profiles/
# (<clip>.wavelet-layered.json) from every clip of the shared videos folder, read exactly as
# scripts/make-profiles.sh reads them, with the shipped restoration weights; the layered JPEG 2000
# reference of the held-out clips (<clip>.jpeg2000-layered.json); checks each profile with
# check-profile as it is written; then the picture (codec-lib/doc/wavelet-layers.png: one held-out
# frame with layers 1..1, 1..2, 1..4, 1..K and the source) and the figures of codec-lib/README.md
# (traces/profiles/codec-figures.md, scripts/codec-figures.py).
#
#   scripts/make-codec-profiles.sh [BUILD_DIR]     (default: build; needs `ninja -C BUILD_DIR lvc`)
#
# Environment: LAYERED_VIDEO_SHARED_DIR (default: ../shared beside the repository),
# LVC_RESTORE_WEIGHTS (default: codec-lib/weights/lvc-restore.safetensors), LVC_CLIPS
# (comma-separated clip stems: only those), LVC_OUT (default: traces/profiles), LVC_JOBS (clips
# profiled at once, default 2; decode times are measured on one thread each, beside the other),
# LVC_SKIP_PROFILES=1 (keep the profiles in LVC_OUT; make the rest), LVC_MODES_OUT (default:
# BUILD_DIR/codec-modes): the held-out CIF clips also profiled with the mixing context model, for
# the figures; not shipped.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$repo/build}
shared=${LAYERED_VIDEO_SHARED_DIR:-$repo/../shared}
restore=${LVC_RESTORE_WEIGHTS:-$repo/codec-lib/weights/lvc-restore.safetensors}
only=${LVC_CLIPS:-}
out=${LVC_OUT:-$repo/traces/profiles}
jobs=${LVC_JOBS:-2}
modes_out=${LVC_MODES_OUT-$build/codec-modes}
lvc=$build/codec-lib/lvc
check=$shared/tools/check-profile
held_out="foreman_cif_60f mobile_cif_30f test_cif_I_CABAC_slice CVPCMNL1_SVA_C LS_SVA_D"

if [[ ! -x $lvc ]]; then
    echo "make-codec-profiles: $lvc not found; build it first: ninja -C $build lvc" >&2
    exit 1
fi
mkdir -p "$out"
# shellcheck source=profile-clips.sh
source "$repo/scripts/profile-clips.sh"

# One job: a clip's profile with one codec (and its checks). Runs in the background.
profile_one() {
    local clip=$1 options=$2 stem=$3 codec=$4 target=$5 extra=$6
    local clip_start
    clip_start=$(date +%s)
    # shellcheck disable=SC2086 # $options and $extra hold several words on purpose
    "$lvc" --quiet profile "$shared/$clip" --codec "$codec" $options $extra --nn-threads 1 \
        --threads 1 --name "$stem" --source "$clip" -o "$target" >/dev/null
    "$check" "$target" >/dev/null
    echo "== $clip: $(basename "$target") in $(($(date +%s) - clip_start)) s, check-profile passes"
}

start=$(date +%s)
pids=()
wait_slot() {
    while ((${#pids[@]} >= jobs)); do
        wait "${pids[0]}"
        pids=("${pids[@]:1}")
    done
}
for entry in "${profile_clips[@]}"; do
    IFS='|' read -r clip options _ <<<"$entry"
    stem=$(basename "${clip%.*}")
    if [[ -n $only && ,$only, != *",$stem,"* ]] || [[ ${LVC_SKIP_PROFILES:-0} == 1 ]]; then
        continue
    fi
    wait_slot
    profile_one "$clip" "$options" "$stem" wavelet "$out/$stem.wavelet-layered.json" \
        "--restore-weights $restore" &
    pids+=($!)
    if [[ " $held_out " == *" $stem "* ]]; then
        wait_slot
        profile_one "$clip" "$options" "$stem" jpeg2000-layered "$out/$stem.jpeg2000-layered.json" "" &
        pids+=($!)
        if [[ -n $modes_out && $stem != LS_SVA_D ]]; then
            mkdir -p "$modes_out"
            wait_slot
            profile_one "$clip" "$options" "$stem" wavelet "$modes_out/$stem.wavelet-mixing.json" \
                "--restore-weights $restore --context-model mixing" &
            pids+=($!)
        fi
    fi
done
for pid in "${pids[@]}"; do
    wait "$pid"
done
echo "== profiles in $(($(date +%s) - start)) s"

picture=codec-lib/doc/wavelet-layers.png
mkdir -p "$repo/codec-lib/doc"
# A held-out frame, cropped so that the picture stays small enough to commit.
"$lvc" --quiet layer-strip "$shared/videos/y4m/foreman_cif_60f.y4m" --crop 160x128+96+56 \
    --frame 30 --restore-weights "$restore" -o "$repo/$picture"
figure_args=(--picture "../../$picture")
if [[ -n $only ]]; then
    figure_args+=(--clips "$only")
fi
if [[ -n $modes_out ]]; then
    figure_args+=(--modes "$modes_out")
fi
python3 "$repo/scripts/codec-figures.py" --lvc "$lvc" --shared "$shared" --restore-weights "$restore" \
    --profiles "$out" "${figure_args[@]}" >"$out/codec-figures.md"
echo "== wrote $out/codec-figures.md"
