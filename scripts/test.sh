#!/usr/bin/env bash
# The whole test suite on a fresh Debian 12 machine: installs what is missing, builds, runs ctest.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/install-deps.sh"
bash "$root/scripts/build.sh"
ctest --test-dir "${LAYERED_VIDEO_BUILD:-$root/build}" -j "$(nproc)" --output-on-failure --timeout 900
# The parts without LibTorch and FFmpeg again, under AddressSanitizer + UBSan (about 2 min more).
if [ "${LAYERED_VIDEO_SKIP_SANITIZE:-0}" != 1 ]; then
  bash "$root/scripts/sanitize.sh"
fi
