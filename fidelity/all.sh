#!/usr/bin/env bash
# The whole fidelity suite against the real Editly 0.14.2, in one command (on demand, not in CI;
# needs Editly, see ../shared/tools/editly/install.sh). Renders every spec in fidelity/specs once with
# both renderers (fidelity/run.sh), then scores each transition of the tours on its own frames from
# those same renders (fidelity/transition-ssim.sh) and adds the noise statistics of the noise
# transitions (fidelity/noise-stats.sh, which re-renders those few alone) and runs the transition
# sweep (fidelity/transition-sweep.sh: every transition at every k/n, its own specs). Prints the tables of
# docs/fidelity.md and docs/fidelity-transitions.md as Markdown.
# Usage: fidelity/all.sh > fidelity-results.md   (from the repository root; every spec, both renderers)
set -euo pipefail
cd "$(dirname "$0")/.."
export FIDELITY_OUT="${FIDELITY_OUT:-/tmp/smelter-fidelity}"
echo "## Specs"; echo
fidelity/run.sh
echo; echo "## Transitions (each on its own frames)"; echo
FIDELITY_REUSE=1 fidelity/transition-ssim.sh fidelity/specs/transitions-tour-*.json5 fidelity/specs/transitions.json5 fidelity/specs/transitions-aliases.json5
echo; echo "## Transition sweep (every frame at every progress k/n, n = 2…8)"; echo
fidelity/transition-sweep.sh
echo; echo "## Noise transitions"; echo
fidelity/noise-stats.sh randomNoisex,TVStatic,StripDatamoshGlitch,static_wipe,StaticFade,wind,crosshatch,fragment,coord-from-in
