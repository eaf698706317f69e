# shellcheck shell=bash
# Sourced by ./smelter-video and the Docker image's entrypoint (deploy/entrypoint.sh), so both start
# the JVM the same way. The settings themselves are in jvm.env next to this file; this only turns
# them into a command line.
#
# smelter_jvm_options COMMAND: exports every MALLOC_* of jvm.env that the environment does not set
# already, and fills the array SMELTER_JVM with the java options for the CLI command COMMAND (its
# first argument), SMELTER_JAVA_OPTS excluded (the caller appends it last, so it wins).

smelter_jvm_options() {
  local file="${BASH_SOURCE[0]%/*}/jvm.env" line key
  local -A setting=()
  while IFS= read -r line || [[ -n "$line" ]]; do
    [[ "$line" =~ ^[A-Za-z_][A-Za-z0-9_]*= ]] || continue
    setting["${line%%=*}"]="${line#*=}"
  done <"$file"
  for key in "${!setting[@]}"; do
    [[ "$key" == MALLOC_* && -z "${!key:-}" ]] && export "$key=${setting[$key]}"
  done
  local -a words
  read -ra SMELTER_JVM <<<"${setting[JAVA_OPTIONS]} ${setting[PROCESS_JAVA_OPTIONS]}"
  case "${1:-}" in
    serve|worker)
      read -ra words <<<"${setting[SERVICE_JAVA_OPTIONS]}"
      SMELTER_JVM+=("-Xmx${SMELTER_SERVICE_HEAP:-${setting[SERVICE_HEAP]}}"
        "-XX:MaxDirectMemorySize=${SMELTER_SERVICE_DIRECT_MEMORY:-${setting[SERVICE_DIRECT_MEMORY]}}" "${words[@]}")
      ;;
  esac
  # A native crash (docs/limits.md, "Native crashes"): the JVM's report goes to the temp folder, not the working
  # directory; the OnError hook deletes the partial outputs the render listed in the partials file
  # (the caller execs java, which keeps this shell's pid, so $$ is the JVM's). VM messages go to
  # stderr, keeping stdout for --json.
  local crash_dir="${TMPDIR:-/tmp}"
  local partials="$crash_dir/smelter-video-$$.partials"
  SMELTER_JVM+=("-XX:ErrorFile=$crash_dir/smelter-video-crash-$$.log" -XX:+DisplayVMOutputToStderr
    "-XX:OnError=xargs -r -d '\\n' rm -f -- < '$partials';rm -f '$partials';echo 'smelter-video: the render process crashed (native fault), its partial output was removed' >&2"
    "-Dsmelter.partials=$partials")
}
