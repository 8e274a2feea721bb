#!/usr/bin/env bash
# The README's pictures of the default show, made by `kiosk export` (from anywhere):
#   bash docs/pictures/make.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
portrait="$root/.portrait-pictures.yaml"  # beside the deck: a config's deck is below it
trap 'rm -rf "$work" "$portrait"' EXIT
export QT_QPA_PLATFORM=offscreen
printf 'deck: slides/nanjing.yaml\ndisplay: {design_size: [1080, 1920]}\n' > "$portrait"
kiosk export --config "$root/config.yaml" --out "$work/zh" --size 960x540 --lang zh
kiosk export --config "$root/config.yaml" --out "$work/en" --size 960x540 --lang en
kiosk export --config "$portrait" --out "$work/portrait" --size 540x960 --lang zh
cp "$work/zh/01-zh.png" "$here/title-zh.png"
cp "$work/en/02-en.png" "$here/figures-en.png"
cp "$work/en/07-en.png" "$here/chart-en.png"
cp "$work/zh/10-zh.png" "$here/network-zh.png"
cp "$work/portrait/09-zh.png" "$here/portrait-zh.png"
