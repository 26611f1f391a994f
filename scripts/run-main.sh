#!/usr/bin/env bash
# The main job: every ABR and the offline optimum over the Pensieve test traces, on the project's
# own profiles (real encodes, traces/profiles/), with tables on stdout and plots in OUT.
# Usage: scripts/run-main.sh [OUT]   (default results/main)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/results/main}
build=${LAYERED_VIDEO_BUILD:-$root/build}
shared=${LAYERED_VIDEO_SHARED_DIR:-$root/../shared}
bash "$root/scripts/install-deps.sh"
bash "$root/scripts/build.sh"

clip=${LAYERED_VIDEO_MAIN_CLIP:-VID_1280x720_cabac_temporal_direct}
traces=$shared/traces/pensieve-test
# name | profile | QoE metric | what it shows | extra abr-sim options
runs=(
  "x264-ladder-linear|$clip.x264-ladder.json|linear|a classic ladder, Pensieve's linear bitrate QoE"
  "x264-ladder-psnr|$clip.x264-ladder.json|psnr|the same ladder scored on decoded quality (Swift's QoE)"
  "x265-layered-psnr|$clip.x265-residual-layered.json|psnr|layered content (residual x265, SHVC's stand-in): upgrades possible"
  "wavelet-layered-psnr|$clip.wavelet-layered.json|psnr|the project's layered codec (wavelet, learned restoration): layers and early exits|--optimal-step-s 0.25"
)
for run in "${runs[@]}"; do
  IFS='|' read -r name profile metric what extra <<<"$run"
  echo "== $name: $what"
  # shellcheck disable=SC2086 # $extra holds several words on purpose
  "$build/abr-sim" --profile "$root/traces/profiles/$profile" --traces "$traces" --abr all,optimal \
    --chunks 48 --qoe "$metric" --out "$out/$name" -q $extra | sed -n '1,12p'
  bash "$root/scripts/plot-sessions.sh" "$out/$name/sessions.csv" "$out/$name" "$name"
  echo
done
echo "== learned ABRs (policies/*.safetensors) against every heuristic and the optimum, with the"
echo "   compute capacity and QoE each was trained for"
bash "$root/scripts/eval-policies.sh" "$build" "$out/learned"
echo "full tables (every QoE term): $out/*/report.txt; per-session logs: $out/*/sessions/"
