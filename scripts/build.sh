#!/usr/bin/env bash
# Configures (once) and builds the project in build/. Extra arguments go to CMake's configure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="${LAYERED_VIDEO_BUILD:-$root/build}"
if [ ! -f "$build/build.ninja" ] || [ $# -gt 0 ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLAYERED_VIDEO_WERROR=ON "$@" > /dev/null
fi
ninja -C "$build" -j "$(nproc)"
