#!/usr/bin/env bash
# Side-by-side fidelity against the real Editly 0.14.2 (on demand, not in CI: needs Editly, see
# ../shared/tools/editly/install.sh). Renders every spec in fidelity/specs with both, compares
# frame counts, durations, SSIM (every frame, luma) and audio RMS levels, and prints a Markdown table.
# Usage: fidelity/run.sh [SPEC...]   (run from the repository root; paths in specs are cwd-relative)
# Editly runs with Math.random pinned (fidelity/pin-random.mjs); a spec with random picks names the
# seed that makes ours pick the same in a `// fidelity-seed: N` line (default 1).
# FIDELITY_LOSSLESS=1: both renderers encode lossless (x264 CRF 0, 4:4:4) instead of their own
# defaults, which scores the frames themselves: noise and fine detail otherwise also measure how
# two encoder settings quantise them.
set -euo pipefail
cd "$(dirname "$0")/.."
EDITLY="${EDITLY_HOME:-$HOME/.cache/editly-ref}/node_modules/.bin/editly"
[[ -x "$EDITLY" ]] || { echo "Editly not installed at $EDITLY (run ../shared/tools/editly/install.sh)" >&2; exit 1; }
OUT="${FIDELITY_OUT:-/tmp/smelter-fidelity}"
mkdir -p "$OUT/editly" "$OUT/ours" "$OUT/specs"
export NODE_OPTIONS="--import=$PWD/fidelity/pin-random.mjs"
LOSSLESS_ARGS="customOutputArgs: ['-vcodec', 'libx264', '-pix_fmt', 'yuv444p', '-crf', '0', '-preset:v', 'ultrafast'],"
specs=("$@"); [[ ${#specs[@]} -gt 0 ]] || specs=(fidelity/specs/*.json5)
# Source footage some specs need, made with our own renderer (kept out of git).
mkdir -p fidelity/media
for source in fidelity/sources/*.json5; do
  made="fidelity/media/$(basename "$source" .json5).mp4"
  [[ -f "$made" ]] || ./smelter-video render "$source" --out "$made" >"$OUT/source-$(basename "$source" .json5).log" 2>&1
done
echo "| spec | frames (ours / Editly) | video s | audio s (ours / Editly) | audio dBFS (ours / Editly, Δ) | SSIM mean | SSIM min (frame) |"
echo "|---|---|---|---|---|---|---|"
for spec in "${specs[@]}"; do
  name=$(basename "$spec" .json5)
  seed=$(sed -n 's#^// fidelity-seed: \([0-9]*\).*#\1#p' "$spec" | head -n1)
  if [[ -n "${FIDELITY_LOSSLESS:-}" ]]; then # the same spec with lossless output args
    awk -v args="$LOSSLESS_ARGS" '!done && !/^[[:space:]]*\/\// && sub(/\{/, "{ " args) { done = 1 } { print }' "$spec" >"$OUT/specs/$name.json5"
    spec="$OUT/specs/$name.json5"
  fi
  if ! xvfb-run -a -s "-ac -screen 0 1280x1024x24" "$EDITLY" "$spec" --out "$OUT/editly/$name.mp4" >"$OUT/editly/$name.log" 2>&1; then
    echo "| $name | Editly failed: $(grep -m1 -i error "$OUT/editly/$name.log" | cut -c1-120) | | | | | |"; continue
  fi
  if ! ./smelter-video render "$spec" --seed "${seed:-1}" --out "$OUT/ours/$name.mp4" >"$OUT/ours/$name.log" 2>&1; then
    echo "| $name | render failed: $(tail -n1 "$OUT/ours/$name.log") | | | | | |"; continue
  fi
  ./smelter-video compare --json "$OUT/ours/$name.mp4" "$OUT/editly/$name.mp4" | python3 -c '
import json,sys; r=json.load(sys.stdin)
audio = "—" if r["audioRmsDb"] is None and r["referenceAudioRmsDb"] is None else "%s / %s (%s)" % tuple(
  "—" if v is None else "%+.2f" % v for v in (r["audioRmsDb"], r["referenceAudioRmsDb"], r["audioLevelDifferenceDb"]))
audio_s = "—" if r["audioDuration"] == 0 and r["referenceAudioDuration"] == 0 else "%.3f / %.3f" % (r["audioDuration"], r["referenceAudioDuration"])
print("| %s | %d / %d | %.3f / %.3f | %s | %s | %.4f | %.4f (%d) |" % (sys.argv[1], r["frames"], r["referenceFrames"], r["duration"],
  r["referenceDuration"], audio_s, audio, r["meanSsim"], r["minSsim"], r["minSsimFrame"]))' "$name"
done
