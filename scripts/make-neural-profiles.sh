#!/usr/bin/env bash
# Makes the neural codec's shipped profiles in traces/profiles/ (<clip>.neural-layered.json) from
# every clip of the shared videos folder, read exactly as scripts/make-profiles.sh reads them
# (the big clips at reduced size), with the shipped weights; checks each with check-profile as
# it is written; then the picture (codec-lib/doc/neural-layers.png: one held-out frame with
# layers 1..1, 1..2, 1..4, 1..K and the source) and the figures of codec-lib/README.md
# (traces/profiles/neural-figures.md, scripts/neural-figures.py).
#
#   scripts/make-neural-profiles.sh [BUILD_DIR]     (default: build; needs `ninja -C BUILD_DIR lvc`)
#
# Environment: LAYERED_VIDEO_SHARED_DIR (default: ../shared beside the repository),
# LVC_WEIGHTS (default: codec-lib/weights/lvc-intra-k6.safetensors), LVC_NN_THREADS (default 1:
# encode and decode times are measured with this many LibTorch threads), LVC_CLIPS (comma-separated
# clip stems: only those, and figures of those; default: every clip, figures of the held-out
# ones), LVC_OUT (default: traces/profiles; the baselines are always read from traces/profiles),
# LVC_PICTURE (default: codec-lib/doc/neural-layers.png; empty: none), LVC_MODES_OUT (default:
# BUILD_DIR/neural-modes; empty: none): where the profiles of three held-out CIF clips in the
# codec's other modes go (every frame a key frame; B frames interpolated without error layers;
# error layers from layer 1), for the figures' comparison; they are not shipped. LVC_SKIP_PROFILES=1
# keeps the profiles in LVC_OUT as they are (their measured times too) and makes the rest: after a
# change of the references, say.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$repo/build}
shared=${LAYERED_VIDEO_SHARED_DIR:-$repo/../shared}
weights=${LVC_WEIGHTS:-$repo/codec-lib/weights/lvc-intra-k6.safetensors}
threads=${LVC_NN_THREADS:-1}
only=${LVC_CLIPS:-}
out=${LVC_OUT:-$repo/traces/profiles}
picture=${LVC_PICTURE-codec-lib/doc/neural-layers.png}
modes_out=${LVC_MODES_OUT-$build/neural-modes}
lvc=$build/codec-lib/lvc
baselines=$repo/traces/profiles
check=$shared/tools/check-profile

if [[ ! -x $lvc ]]; then
    echo "make-neural-profiles: $lvc not found; build it first: ninja -C $build lvc" >&2
    exit 1
fi
mkdir -p "$out"

# The same clips and reading options as scripts/make-profiles.sh, the 720p clip first (the
# learned-ABR work trains on its profile).
# shellcheck source=profile-clips.sh
source "$repo/scripts/profile-clips.sh"
clips=()
for entry in "${profile_clips[@]}"; do
    [[ $entry == *VID_1280x720* ]] && clips=("$entry" "${clips[@]}") || clips+=("$entry")
done

start=$(date +%s)
made=0
for entry in "${clips[@]}"; do
    IFS='|' read -r clip options _ <<<"$entry"
    stem=$(basename "${clip%.*}")
    if [[ -n $only && ,$only, != *",$stem,"* ]] || [[ ${LVC_SKIP_PROFILES:-0} == 1 ]]; then
        continue
    fi
    profile=$out/$stem.neural-layered.json
    clip_start=$(date +%s)
    # shellcheck disable=SC2086 # $options holds several words on purpose
    "$lvc" --quiet profile "$shared/$clip" --codec neural --weights "$weights" $options \
        --nn-threads "$threads" --threads 2 --name "$stem" --source "$clip" -o "$profile" \
        >/dev/null
    "$check" "$profile" >/dev/null
    echo "== $clip: $(basename "$profile") in $(($(date +%s) - clip_start)) s, check-profile passes"
    made=$((made + 1))
done
echo "== $made neural profiles in $(($(date +%s) - start)) s"

# The other modes, on the held-out CIF clips short enough to profile four times.
modes=("neural-intra|--gop 0" "neural-interp|--b-error-layers 0" "neural-errors-from-1|--b-error-first-layer 1")
if [[ -n $modes_out ]]; then
    mkdir -p "$modes_out"
    for entry in "${clips[@]}"; do
        IFS='|' read -r clip options _ <<<"$entry"
        stem=$(basename "${clip%.*}")
        case $stem in foreman_cif_60f | mobile_cif_30f | test_cif_I_CABAC_slice) ;; *) continue ;; esac
        if [[ -n $only && ,$only, != *",$stem,"* ]]; then
            continue
        fi
        for mode in "${modes[@]}"; do
            IFS='|' read -r suffix mode_options <<<"$mode"
            clip_start=$(date +%s)
            # shellcheck disable=SC2086 # several words on purpose
            "$lvc" --quiet profile "$shared/$clip" --codec neural --weights "$weights" $options \
                $mode_options --nn-threads "$threads" --threads 2 --name "$stem" --source "$clip" \
                -o "$modes_out/$stem.$suffix.json" >/dev/null
            echo "== $clip ($mode_options): $suffix in $(($(date +%s) - clip_start)) s"
        done
    done
fi

figure_args=()
if [[ -n $picture ]]; then
    mkdir -p "$(dirname "$repo/$picture")"
    # A held-out frame, cropped so that the picture stays small enough to commit.
    "$lvc" --quiet layer-strip "$shared/videos/y4m/foreman_cif_60f.y4m" --crop 160x128+96+56 \
        --frame 30 --weights "$weights" -o "$repo/$picture"
    figure_args+=(--picture "../../$picture")
fi
if [[ -n $only ]]; then
    figure_args+=(--clips "$only")
fi
if [[ -n $modes_out ]]; then
    figure_args+=(--modes "$modes_out")
fi
python3 "$repo/scripts/neural-figures.py" --lvc "$lvc" --shared "$shared" --weights "$weights" \
    --profiles "$out" --baselines "$baselines" "${figure_args[@]}" >"$out/neural-figures.md"
echo "== wrote $out/neural-figures.md"
