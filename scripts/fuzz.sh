#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (AddressSanitizer) and runs each for a while.
# Usage: scripts/fuzz.sh [seconds per target, default 60]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
build="$root/build-fuzz"
cmake -S "$root" -B "$build" -G Ninja -DLAYERED_VIDEO_FUZZ=ON \
  -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
ninja -C "$build"
shared="$root/../shared"
for target in trace-parser profile-parser capacity-parser policy-file http-parser lvc-bitstream motion wavelet; do
  corpus="$root/fuzz/corpus-$target"
  mkdir -p "$corpus"
  case $target in
    # Seeds: real files, with the format byte the trace target expects in front.
    trace-parser)
      i=0
      for f in "$shared"/traces/pensieve-test/norway_bus_1 "$shared"/traces/mahimahi/Verizon-LTE-short.up \
               "$shared"/traces/belgium-4g/json/report_bus_0001.json "$shared"/traces/belgium-4g/raw/report_car_0003.log \
               "$shared"/traces/ucc-5g/Download/Static/B_2019.12.16_13.40.04.csv; do
        { printf '\000'; head -c 4000 "$f"; } > "$corpus/seed-$i"; i=$((i + 1))
      done ;;
    profile-parser)
      cp "$root"/traces/profiles/*.json "$corpus"/ 2>/dev/null || true
      head -c 3000 "$shared/profiles/sabre/bbb.json" > "$corpus/sabre-head" ;;
    capacity-parser)
      printf 'time_s,capacity\n0,1\n1,0.5\n2,0.25\n' > "$corpus/seed" ;;
    policy-file)
      cp "$root"/policies/*.safetensors "$corpus"/ 2>/dev/null || true ;;
    wavelet)
      cp "$root"/fuzz/seeds-wavelet/* "$corpus"/ ;; # two real chunks (intra, GOP 4), 64x48
    http-parser)
      cp "$root"/fuzz/seeds-http-parser/* "$corpus"/ ;; # two requests, two responses (byte 0: kind)
    lvc-bitstream|motion) ;; # seeds: the corpus the target's own runs grew
  esac
  max_len=65536
  [ "$target" = policy-file ] && max_len=262144 # a whole shipped policy (~120 kB) as a seed
  echo "== fuzz-$target for ${seconds}s"
  "$build/fuzz-$target" "$corpus" -max_total_time="$seconds" -max_len="$max_len" -print_final_stats=1 \
    -artifact_prefix="$root/fuzz/crash-$target-" 2>&1 | grep -E "^(stat::number_of_executed_units|stat::new_units_added|==|SUMMARY)|Done [0-9]+ runs" || true
done
