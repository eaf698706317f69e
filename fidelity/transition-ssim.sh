#!/usr/bin/env bash
# Per-transition SSIM against the real Editly 0.14.2 (on demand, like run.sh). Renders each tour spec
# with both (via run.sh), then scores only each transition's own frames: luma SSIM per frame from
# FFmpeg's ssim filter (the ffmpeg that Editly itself needs), averaged over the transition's
# frames, whose positions follow Editly's timeline (transition frame k of T at progress k/T).
# Usage: fidelity/transition-ssim.sh [SPEC...]   (default: fidelity/specs/transitions-tour-*.json5)
#        fidelity/transition-ssim.sh --only NAME[,NAME...]   re-measures just these transitions: each
#        is cut out of its tour into a two-clip spec (the same two pictures, params and duration), so
#        one row costs two short renders instead of two whole tours.
# Prints a Markdown table: | transition | spec | frames | SSIM mean | SSIM min |
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${FIDELITY_OUT:-/tmp/smelter-fidelity}"
if [[ "${1:-}" == "--only" ]]; then
  mkdir -p "$OUT/alone"
  mapfile -t specs < <(python3 - "$2" "$OUT/alone" fidelity/specs/transitions-tour-*.json5 <<'PY'
import os, re, sys
wanted, out, tours = sys.argv[1].split(","), sys.argv[2], sys.argv[3:]
for tour in tours:
    lines = open(tour).read().splitlines()
    clips = [i for i, l in enumerate(lines) if l.lstrip().startswith("{ transition:") or l.lstrip().startswith("{ layers:")]
    head = [l for l in lines[:clips[0]] if not l.lstrip().startswith("//")]
    for k, i in enumerate(clips[:-1]):
        m = re.search(r"name: '([^']+)'", lines[i])
        if m and m.group(1) in wanted:
            path = os.path.join(out, "%s--%s.json5" % (os.path.basename(tour)[:-6], m.group(1)))
            last = re.sub(r"\{ transition: \{[^}]*\}, ", "{ ", lines[clips[k + 1]])
            open(path, "w").write("\n".join(head + [lines[i], last, "  ] }"]) + "\n")
            print(path)
PY
)
  [[ ${#specs[@]} -gt 0 ]] || { echo "no tour has a transition named $2" >&2; exit 2; }
else
  specs=("$@"); [[ ${#specs[@]} -gt 0 ]] || specs=(fidelity/specs/transitions-tour-*.json5)
fi
# FIDELITY_REUSE=1: score the renders run.sh already left in $OUT (fidelity/all.sh does).
[[ -n "${FIDELITY_REUSE:-}" ]] || FIDELITY_OUT="$OUT" fidelity/run.sh "${specs[@]}" >&2
echo "| transition | spec | frames | SSIM mean | SSIM min |"
echo "|---|---|---|---|---|"
for spec in "${specs[@]}"; do
  name=$(basename "$spec" .json5)
  ffmpeg -v error -i "$OUT/ours/$name.mp4" -i "$OUT/editly/$name.mp4" \
    -lavfi "[0:v][1:v]ssim=stats_file=$OUT/$name.ssim.txt" -f null -
  python3 - "$spec" "$OUT/$name.ssim.txt" "$name" <<'PY'
import json, math, re, sys
spec_path, stats_path, label = sys.argv[1:]
# The tour specs are plain JSON plus // comment lines.
text = "\n".join(l for l in open(spec_path) if not l.lstrip().startswith("//"))
text = re.sub(r"([{,]\s*)([A-Za-z_]\w*)\s*:", r'\1"\2":', text).replace("'", '"')
text = re.sub(r",(\s*[\]}])", r"\1", text)
spec = json.loads(text)
fps = spec["fps"]
default_d = spec.get("defaults", {}).get("duration", 4)
clips = spec["clips"]
durations = [c.get("duration", default_d) for c in clips]
n = [math.floor(d * fps + 0.5) for d in durations]  # Math.round for positive values
ys = {}
for line in open(stats_path):
    m = re.search(r"n:(\d+) Y:([0-9.]+)", line)
    if m: ys[int(m.group(1)) - 1] = float(m.group(2))
start, used = 0, 0
for i, clip in enumerate(clips[:-1]):
    t = clip["transition"]
    seconds = min(durations[i] / 2, durations[i + 1] / 2, t["duration"])
    frames = math.floor(min(min(n[i], n[i + 1]) / 2, math.floor(seconds * fps + 0.5)))
    first = start + n[i] - used - frames
    scores = [ys[f] for f in range(first, first + frames) if f in ys]
    print("| %s | %s | %d–%d | %.4f | %.4f |" % (t["name"], label, first, first + frames - 1,
          sum(scores) / len(scores), min(scores)))
    start += n[i] - used
    used = frames
PY
done
