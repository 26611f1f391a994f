#!/usr/bin/env bash
# Evaluates the shipped learned-ABR policies (policies/*.safetensors) on held-out traces, against
# every heuristic ABR and the offline optimum, with the settings each policy was trained with
# (profile, QoE metric, compute capacity: read from the policy file's metadata). Prints markdown
# tables (QoE mean, median, 10th percentile, % of the optimum) to stdout; full reports and
# per-session CSVs go to OUT/<policy>/<traces>/, the learning curves (where the training run is
# in results/train/<policy>/) to OUT/<policy>/learning-curve.png.
#
#   scripts/eval-policies.sh [BUILD_DIR] [OUT] [NAME...]  (defaults: build, results/policies,
#                                                         every policy in policies/)
#
# Trace sets: Pensieve's test split (142 traces; the policies trained on pensieve-train) and the
# Mahimahi downlink recordings (never seen in training).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$repo/build}
out=${2:-$repo/results/policies}
shift 2 || shift $#
shared=${LAYERED_VIDEO_SHARED_DIR:-$repo/../shared}
mkdir -p "$out"

# The Mahimahi folder also holds uplinks and a SOURCE.md: a folder of the downlinks only.
mahimahi=$out/mahimahi-down
mkdir -p "$mahimahi"
for f in "$shared"/traces/mahimahi/*.down; do
  ln -sf "$f" "$mahimahi/$(basename "$f")"
done

# A policy file's metadata entry (the safetensors JSON header).
meta() {
  python3 - "$1" "$2" <<'PY'
import json, struct, sys
with open(sys.argv[1], "rb") as f:
    n = struct.unpack("<Q", f.read(8))[0]
    print(json.loads(f.read(n)).get("__metadata__", {}).get(sys.argv[2], ""))
PY
}

policies=("$repo"/policies/*.safetensors)
if [ $# -gt 0 ]; then
  policies=()
  for name in "$@"; do policies+=("$repo/policies/$name.safetensors"); done
fi
for policy in "${policies[@]}"; do
  name=$(basename "$policy" .safetensors)
  profile=$repo/traces/profiles/$(meta "$policy" profile).$(meta "$policy" codec).json
  metric=$(meta "$policy" qoe_metric)
  capacity=$(meta "$policy" capacity)
  chunks=$(meta "$policy" chunks)
  step=$(meta "$policy" optimal_step_s)
  echo "### $name: $(basename "$profile"), QoE $metric, compute capacity '${capacity:-full}'"
  echo
  for set in "pensieve-test|$shared/traces/pensieve-test" "mahimahi|$mahimahi"; do
    IFS='|' read -r set_name traces <<<"$set"
    dir=$out/$name/$set_name
    mkdir -p "$dir"
    "$build/abr-sim" --profile "$profile" --traces "$traces" --qoe "$metric" \
      --capacity "$capacity" --chunks "$chunks" --abr "all,optimal,learned:$policy" \
      --optimal-step-s "${step:-0.05}" \
      --out "$dir" -q > "$dir.table" 2>&1 || { cat "$dir.table" >&2; exit 1; }
    echo "$set_name ($(head -1 "$dir.table" | grep -o '[0-9]* traces x [0-9]* seeds')):"
    echo
    echo "| ABR | QoE mean | median | 10th pct | % of optimum |"
    echo "|---|---|---|---|---|"
    # The first table of abr-sim's output: abr sessions failed mean median p10 norm %optimal.
    awk -v p="learned:$policy" 'NR > 3 && NF == 0 {exit} NR > 3 {
        name = ($1 == p) ? "**learned**" : $1
        printf "| %s | %.2f | %.2f | %.2f | %s |\n", name, $4, $5, $6, $8 }' "$dir.table"
    echo
  done
  progress=$repo/results/train/$name/progress.csv
  if [ -f "$progress" ]; then
    bash "$repo/scripts/plot-learning-curve.sh" "$progress" "$out/$name/learning-curve.png" "$name: QoE per session while training"
  fi
done
