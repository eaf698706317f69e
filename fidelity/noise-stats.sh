#!/usr/bin/env bash
# Noise transitions side by side with the real Editly, beyond SSIM (on demand, like run.sh). Two
# correct but independent noise fields have near-zero SSIM, so for the transitions that draw
# per-pixel hash noise this compares what the eye sees instead: the luma mean and standard deviation
# of each transition frame (ours vs Editly, averaged over the transition's frames) and the SSIM after
# both frames are blurred (FFmpeg gblur, sigma 2 px), next to the plain SSIM.
# Usage: fidelity/noise-stats.sh NAME[,NAME...]   (names as in the tours; renders via transition-ssim.sh --only)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${FIDELITY_OUT:-/tmp/smelter-fidelity}"
rows=$(FIDELITY_OUT="$OUT" fidelity/transition-ssim.sh --only "$1" | tail -n +3)
echo "| transition | luma mean (ours / Editly) | luma std (ours / Editly) | SSIM | SSIM, blurred σ=2 |"
echo "|---|---|---|---|---|"
while IFS='|' read -r _ name spec frames mean _; do
  name=$(echo $name); spec=$(echo $spec); first=${frames%–*}; last=${frames#*–}; first=$(echo $first); last=$(echo $last)
  ffmpeg -nostdin -v error -i "$OUT/ours/$spec.mp4" -i "$OUT/editly/$spec.mp4" \
    -lavfi "[0:v]gblur=sigma=2[a];[1:v]gblur=sigma=2[b];[a][b]ssim=stats_file=$OUT/$spec.blur.txt" -f null -
  python3 - "$OUT/ours/$spec.mp4" "$OUT/editly/$spec.mp4" "$OUT/$spec.blur.txt" "$first" "$last" "$name" "$(echo $mean)" <<'PY'
import re, subprocess, sys
import numpy as np
ours, ref, blur, first, last, name, ssim = sys.argv[1:]
first, last = int(first), int(last)
def luma(path):
    size = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height",
                           "-of", "csv=p=0", path], capture_output=True, text=True, check=True).stdout.strip().split(",")
    w, h = int(size[0]), int(size[1])
    raw = subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-i", path, "-f", "rawvideo", "-pix_fmt", "gray", "-"],
                         capture_output=True, check=True).stdout
    return np.frombuffer(raw, np.uint8).reshape(-1, h, w)[first:last + 1].astype(np.float64)
a, b = luma(ours), luma(ref)
ys = {}
for line in open(blur):
    m = re.search(r"n:(\d+) Y:([0-9.]+)", line)
    if m: ys[int(m.group(1)) - 1] = float(m.group(2))
blurred = np.mean([ys[f] for f in range(first, last + 1)])
print("| %s | %.1f / %.1f | %.1f / %.1f | %s | %.4f |" % (name, a.mean(axis=(1, 2)).mean(), b.mean(axis=(1, 2)).mean(),
      a.std(axis=(1, 2)).mean(), b.std(axis=(1, 2)).mean(), ssim, blurred))
PY
done <<<"$rows"
