#!/usr/bin/env bash
# Trains the shipped learned-ABR policies (policies/*.safetensors) with abr-train, as recorded in
# README.md ("Learned ABRs"): PPO over the chunk-level simulator on the Pensieve training traces
# (every 5th held out for validation), the best validation checkpoint kept.
#
#   scripts/train-policies.sh [BUILD_DIR] [NAME...]     (default: build; all policies)
#
# NAME: layered-wavelet (Grad/Swift-style layer-aware policy on the project's layered codec's
# profile, its layers and early exits, PSNR QoE), layered-x265 (the same on residual-layered x265) or
# ladder-x264 (Pensieve-style ladder policy, x264 ladder, linear bitrate QoE). Each run writes
# results/train/<NAME>/ (checkpoint.safetensors, best.safetensors, progress.csv, train.log) and
# copies best.safetensors to policies/<NAME>.safetensors. Deterministic for the seed (one
# LibTorch thread); about 20-60 minutes per policy on a shared 2-core machine, each run capped at
# ABR_TRAIN_MINUTES (default 58) minutes.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$repo/build}
shift || true
shared=${LAYERED_VIDEO_SHARED_DIR:-$repo/../shared}
clip=VID_1280x720_cabac_temporal_direct
common=(--traces "$shared/traces/pensieve-train" --validation-every 5 --chunks 48 --seed 1
        --threads 1 --envs 16 --rollout 128 --epochs 4 --minibatch 512 --hidden 128,64
        --iterations 15000 --entropy-start 0.05 --entropy-end 0.005 --entropy-decay 12000
        --validate-every 100 --checkpoint-every-s 60 --time-limit-min "${ABR_TRAIN_MINUTES:-58}" -q)
declare -A profile=(
  [layered-wavelet]="$repo/traces/profiles/$clip.wavelet-layered.json"
  [layered-x265]="$repo/traces/profiles/$clip.x265-residual-layered.json"
  [ladder-x264]="$repo/traces/profiles/$clip.x264-ladder.json"
)
declare -A options=(
  [layered-wavelet]="--qoe psnr --capacity swift --window 8 --optimal-step-s 0.25"
  [layered-x265]="--qoe psnr --capacity swift --window 8"
  [ladder-x264]="--qoe linear --capacity swift"
)
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  names=(layered-wavelet layered-x265 ladder-x264)
fi
for name in "${names[@]}"; do
  out=$repo/results/train/$name
  mkdir -p "$out" "$repo/policies"
  start=$(date +%s)
  # shellcheck disable=SC2086 # options hold several words on purpose
  nice -n 19 "$build/abr-train" --profile "${profile[$name]}" ${options[$name]} "${common[@]}" \
    --out "$out" | tee "$out/train.log"
  echo "== $name: $(($(date +%s) - start)) s" | tee -a "$out/train.log"
  cp "$out/best.safetensors" "$repo/policies/$name.safetensors"
done
