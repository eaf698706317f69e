#!/usr/bin/env bash
# The Docker image's entrypoint: the CLI (`serve`, `worker`, `render`, ...) started as ./smelter-video
# starts it, with the JVM and glibc settings of jvm.env (deploy/jvm-options.sh). The jars are in lib/
# next to this file.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=deploy/jvm-options.sh
source "$HERE/jvm-options.sh"
smelter_jvm_options "${1:-}"
# SMELTER_JAVA_OPTS is split on spaces on purpose: it is a list of options.
# shellcheck disable=SC2086
exec java "${SMELTER_JVM[@]}" ${SMELTER_JAVA_OPTS:-} -cp "$HERE/lib/*" dev.smelter.video.cli.Main "$@"
