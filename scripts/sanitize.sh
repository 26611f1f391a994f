#!/usr/bin/env bash
# The suite's parts without LibTorch and FFmpeg (the plain C++ core, abr-sim, the ns-3 module,
# its examples and TestSuites) built with AddressSanitizer + UndefinedBehaviorSanitizer
# (LeakSanitizer on) and run under ctest: any report fails the run. codec-lib and the learned-ABR
# trainer are left out: LibTorch's and FFmpeg's own allocations are not built for ASan, and their
# build would double CI's time; their parsers are fuzzed under ASan instead (scripts/fuzz.sh).
# Usage: scripts/sanitize.sh [BUILD_DIR]   (default build-sanitize; CI runs it after the tests)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-sanitize}
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DLAYERED_VIDEO_SANITIZE=ON \
  -DLAYERED_VIDEO_CODEC=OFF -DLAYERED_VIDEO_RL=OFF -DLAYERED_VIDEO_BENCH=OFF > /dev/null
ninja -C "$build"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir "$build" -j "$(nproc)" --output-on-failure --timeout 900
