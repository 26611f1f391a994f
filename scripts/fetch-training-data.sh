#!/usr/bin/env bash
# Installs the real images and videos the neural codec trains on, beside the shared clips of the
# training split (codec-lib/README.md, "Training"). They come from Debian packages and are never
# committed: opencv-doc's sample videos (vtest.avi, tree.avi, Megamind.avi, ...) and the
# photographs of gnome-backgrounds. Prints the list of files found, one per line, to stdout (the
# list `lvc train --data-list` reads).
#
#   scripts/fetch-training-data.sh > build-nn/training-files.txt
#
# Needs root (apt-get); does nothing but list the files when the packages are installed.
set -euo pipefail

packages=(opencv-doc gnome-backgrounds)
missing=()
for p in "${packages[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "fetch-training-data: installing ${missing[*]}" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# Videos: every sample video opencv-doc ships. Photographs: gnome-backgrounds' JPEG and PNG
# pictures (the SVG/XML slide-show descriptions are skipped).
{
    dpkg -L opencv-doc | grep -E '\.(avi|mp4|mkv|mov)$' || true
    dpkg -L gnome-backgrounds | grep -E '\.(jpg|jpeg|png|webp)$' || true
} | while read -r f; do [[ -f $f ]] && echo "$f"; done | sort
