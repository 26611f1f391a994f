#!/usr/bin/env bash
# Installs the Debian 12 packages the project builds and runs with; does nothing when they are
# all there. Needs root (or sudo) and Debian's package archive.
set -euo pipefail
packages=(
  # toolchain
  g++ cmake ninja-build pkg-config python3 python3-jsonschema gnuplot-nox
  # ns-3 3.37 (libns3-dev alone does not configure: its CMake targets name the others)
  libns3-dev ns3 libgsl-dev libxml2-dev libsqlite3-dev libpython3.11-dev
  # libraries
  nlohmann-json3-dev libcli11-dev libfmt-dev libeigen3-dev libgtest-dev libgmock-dev libbenchmark-dev
  # codec-lib: FFmpeg and LibTorch (CPU; OpenBLAS for fast matrix products)
  libavformat-dev libavcodec-dev libavfilter-dev libavutil-dev libswscale-dev libopenjp2-7-dev
  libtorch-dev libopenblas0-pthread
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "installing: ${missing[*]}" >&2
run() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
export DEBIAN_FRONTEND=noninteractive
run apt-get update -qq
run apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
