#!/usr/bin/env bash
# Side-by-side fidelity against the real Editly 0.14.2 (on demand, not in CI: needs Editly, see
# ../shared/tools/editly/install.sh). Renders every spec in fidelity/specs with both, compares
# frame counts, durations and SSIM (every frame, luma), and prints a Markdown table.
# Usage: fidelity/run.sh [SPEC...]   (run from the repository root; paths in specs are cwd-relative)
set -euo pipefail
cd "$(dirname "$0")/.."
EDITLY="${EDITLY_HOME:-$HOME/.cache/editly-ref}/node_modules/.bin/editly"
[[ -x "$EDITLY" ]] || { echo "Editly not installed at $EDITLY (run ../shared/tools/editly/install.sh)" >&2; exit 1; }
OUT="${FIDELITY_OUT:-/tmp/smelter-fidelity}"
mkdir -p "$OUT/editly" "$OUT/ours"
specs=("$@"); [[ ${#specs[@]} -gt 0 ]] || specs=(fidelity/specs/*.json5)
echo "| spec | frames (ours / Editly) | video s | audio s (ours / Editly) | SSIM mean | SSIM min (frame) |"
echo "|---|---|---|---|---|---|"
for spec in "${specs[@]}"; do
  name=$(basename "$spec" .json5)
  xvfb-run -a -s "-ac -screen 0 1280x1024x24" "$EDITLY" "$spec" --out "$OUT/editly/$name.mp4" >"$OUT/editly/$name.log" 2>&1
  ./smelter-video render "$spec" --seed 1 --out "$OUT/ours/$name.mp4" >"$OUT/ours/$name.log" 2>&1
  ./smelter-video compare --json "$OUT/ours/$name.mp4" "$OUT/editly/$name.mp4" | python3 -c '
import json,sys; r=json.load(sys.stdin)
print("| %s | %d / %d | %.3f / %.3f | %.3f / %.3f | %.4f | %.4f (%d) |" % (sys.argv[1], r["frames"], r["referenceFrames"], r["duration"],
  r["referenceDuration"], r["audioDuration"], r["referenceAudioDuration"], r["meanSsim"], r["minSsim"], r["minSsimFrame"]))' "$name"
done
