#!/usr/bin/env bash
# Every frame of every transition against the real Editly 0.14.2 (on demand, not in CI: needs Editly,
# see ../shared/tools/editly/install.sh). Where transition-ssim.sh scores the tours' 7 frames each,
# this sweep renders each transition at every progress value k/n for n = 2…8 (transitions of
# 8, 7, 6 and 5 frames: k/2 = 4/8, k/3 = 2k/6, k/4 = 2k/8), with each easing Editly 0.14.2 knows
# (linear, easeOutExpo), on textured pictures and on uniform fill-color clips: four specs of 96×64
# at 10 fps, lossless (x264 CRF 0, 4:4:4) in both renderers, Editly with Math.random pinned
# (pin-random.mjs). Each frame is scored with FFmpeg's ssim filter (luma) and checked for
# differences in kind (a uniform frame where the other shows content, a white or black area).
# Usage: fidelity/transition-sweep.sh [--only NAME[,NAME...]]   (from the repository root)
#        FIDELITY_REUSE=1 fidelity/transition-sweep.sh   scores the renders already in $OUT
#        FIDELITY_OURS_ARGS="--gpu on" fidelity/transition-sweep.sh   extra arguments for our render
# Prints a Markdown table: per transition the worst frame (SSIM, k/n, easing, clips), the worst per
# spec, and the frames that differ in kind. ~4 min on 2 shared cores (13,520 transition frames).
set -euo pipefail
cd "$(dirname "$0")/.."
EDITLY="${EDITLY_HOME:-$HOME/.cache/editly-ref}/node_modules/.bin/editly"
[[ -x "$EDITLY" ]] || { echo "Editly not installed at $EDITLY (run ../shared/tools/editly/install.sh)" >&2; exit 1; }
OUT="${FIDELITY_OUT:-/tmp/smelter-fidelity}/sweep"
only=""
if [[ "${1:-}" == "--only" ]]; then only="$2"; OUT="$OUT-only"; fi
if [[ -z "${FIDELITY_REUSE:-}" ]]; then
  rm -rf "$OUT"; mkdir -p "$OUT/editly" "$OUT/ours"
  python3 fidelity/transition-sweep.py specs "$OUT" "$only"
  export NODE_OPTIONS="--import=$PWD/fidelity/pin-random.mjs"
  for spec in "$OUT"/specs/*.json5; do
    name=$(basename "$spec" .json5)
    echo "sweep: $name" >&2
    nice -n 10 xvfb-run -a -s "-ac -screen 0 1280x1024x24" "$EDITLY" "$spec" --out "$OUT/editly/$name.mp4" \
      >"$OUT/editly/$name.log" 2>&1 || { echo "Editly failed on $name: see $OUT/editly/$name.log" >&2; exit 1; }
    # shellcheck disable=SC2086 # FIDELITY_OURS_ARGS is a list of arguments
    nice -n 10 ./smelter-video render "$spec" ${FIDELITY_OURS_ARGS:-} --out "$OUT/ours/$name.mp4" \
      >"$OUT/ours/$name.log" 2>&1 || { echo "render failed on $name: see $OUT/ours/$name.log" >&2; exit 1; }
  done
fi
python3 fidelity/transition-sweep.py score "$OUT"
