#!/usr/bin/env bash
# Soak run (docs/performance.md, "Soak"): one `smelter-video serve` on loopback, TOTAL mixed requests
# (mostly bad or cheap ones, GOOD tiny renders, a few uploads) sent by curl in batches, the API
# process's RSS sampled after every batch. At the end it checks that nothing was lost (every accepted
# render completed, no 5xx) and that nothing was left behind (no job folder, no spool file, no temp
# record, only the uploads that were accepted). Not part of the test suite: it takes minutes.
#
#   soak/run.sh [TOTAL=10000] [GOOD=50]        env: SOAK_PARALLEL (4), SMELTER_SERVICE_HEAP etc. pass through
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOTAL="${1:-10000}"
GOOD="${2:-50}"
PARALLEL="${SOAK_PARALLEL:-4}"
BATCH=500
WORK="$(mktemp -d /tmp/smelter-soak.XXXXXX)"
DATA="$WORK/data"
mkdir -p "$WORK/bodies" "$WORK/batches"

free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  echo "soak: no free port found" >&2; exit 1
}
PORT="${SOAK_PORT:-$(free_port)}"
BASE="http://127.0.0.1:$PORT"

"$ROOT/smelter-video" build >/dev/null
nice -n 10 "$ROOT/smelter-video" serve --port "$PORT" --data-dir "$DATA" --slots 1 >"$WORK/serve.log" 2>&1 &
PID=$!
cleanup() { kill -TERM "$PID" 2>/dev/null || true; for _ in $(seq 1 100); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done; }
trap cleanup EXIT
for i in $(seq 1 600); do
  curl -fs "$BASE/health" >/dev/null 2>&1 && break
  kill -0 "$PID" 2>/dev/null || { cat "$WORK/serve.log"; echo "soak: the service did not start" >&2; exit 1; }
  [[ $i == 600 ]] && { echo "soak: the service did not answer in 60 s" >&2; exit 1; }
  sleep 0.1 # polling start-up, bounded by the loop
done
rss_kb() { awk '/^VmRSS/{print $2}' "/proc/$PID/status"; }

# Request bodies: each bad one is refused before anything is queued.
B="$WORK/bodies"
printf '{"editSpec": {' >"$B/truncated.json"
printf '{"foo":1}' >"$B/no-spec.json"
printf '{"editSpec":{"width":64,"height":112,"clips":[{"duration":1,"layers":[{"type":"no-such-layer"}]}]}}' >"$B/bad-layer.json"
printf '{"editSpec":{"width":64,"height":112,"clips":[{"duration":1,"layers":[{"type":"image","path":"/etc/passwd"}]}]}}' >"$B/outside-roots.json"
printf '{"editSpec":{"width":64,"height":112,"clips":[{"duration":1,"layers":[{"type":"image","path":"http://169.254.169.254/latest/meta-data"}]}]}}' >"$B/metadata-ssrf.json"
printf '{"editSpec":{"width":-5,"height":"tall","fps":1e308,"clips":"none"}}' >"$B/bad-types.json"
# About 2 MB: 20 000 clips with an unknown layer each (many problems, one 400).
{ printf '{"editSpec":{"width":64,"height":112,"clips":['
  for i in $(seq 1 20000); do [[ $i -gt 1 ]] && printf ','; printf '{"duration":1,"layers":[{"type":"x%d"}]}' "$i"; done
  printf ']}}'; } >"$B/big-bad.json"
printf 'hello soak\n' >"$B/upload.txt"
printf '{"editSpec":{"width":64,"height":112,"fps":10,"clips":[{"duration":0.2,"layers":[{"type":"fill-color","color":"teal"}]}]},"outputFilename":"soak-%%s.mp4"}' >"$B/good.template"

# Request i of the run, as a curl config block. About one in TOTAL/GOOD is a render, one in 100 an upload.
every_good=$(( TOTAL / GOOD ))
block() {
  local i=$1 kind
  echo 'write-out = "%{http_code} %{method} %{url_effective} %{errormsg}\n"'
  echo 'output = "/dev/null"'
  if (( i % every_good == 0 && i / every_good <= GOOD )); then
    printf "$(cat "$B/good.template")" "$i" >"$B/good-$i.json"
    echo "url = \"$BASE/jobs\""; echo 'header = "Content-Type: application/json"'; echo "data-binary = \"@$B/good-$i.json\""
    return
  fi
  case $(( i % 20 )) in
    0) echo "url = \"$BASE/upload\""
       if (( i % 100 == 0 )); then echo "form = \"files=@$B/upload.txt\""; else echo 'form = "other=1"'; fi ;;
    1|2) echo "url = \"$BASE/edit\""; echo 'header = "Content-Type: application/json"'; echo "data-binary = \"@$B/truncated.json\"" ;;
    3) echo "url = \"$BASE/edit\""; echo 'header = "Content-Type: application/json"'; echo "data-binary = \"@$B/no-spec.json\"" ;;
    4|5) echo "url = \"$BASE/jobs\""; echo 'header = "Content-Type: application/json"'; echo "data-binary = \"@$B/bad-layer.json\"" ;;
    6) echo "url = \"$BASE/jobs\""; echo 'header = "Content-Type: application/json"'; echo "data-binary = \"@$B/outside-roots.json\"" ;;
    7) echo "url = \"$BASE/jobs\""; echo 'header = "Content-Type: application/json"'; echo "data-binary = \"@$B/metadata-ssrf.json\"" ;;
    8) echo "url = \"$BASE/edit\""; echo 'header = "Content-Type: application/json"'; echo "data-binary = \"@$B/bad-types.json\"" ;;
    9) echo "url = \"$BASE/jobs\""; echo 'header = "Content-Type: application/json"'; echo "data-binary = \"@$B/big-bad.json\"" ;;
    10) echo "url = \"$BASE/jobs/00000000-0000-0000-0000-$(printf '%012d' "$i")\"" ;;
    11) echo "url = \"$BASE/download/..%2F..%2Fetc%2Fpasswd\"" ;;
    12) echo "url = \"$BASE/metadata/no-such-file-$i.mp4\"" ;;
    13) echo "url = \"$BASE/no/such/endpoint\"" ;;
    14) echo "url = \"$BASE/upload\""; echo 'header = "Content-Type: application/json"'; echo 'data = "{}"' ;;
    15) echo "url = \"$BASE/jobs?status=completed&limit=5\"" ;;
    16) echo "url = \"$BASE/queue/stats\"" ;;
    17) echo "url = \"$BASE/health\"" ;;
    18) echo "url = \"$BASE/info\"" ;;
    19) echo "url = \"$BASE/files\"" ;;
  esac
}

RSS_START=$(rss_kb)
RSS_PEAK=$RSS_START
: >"$WORK/codes.txt"
: >"$WORK/rss.txt"
START=$(date +%s)
for ((from = 1; from <= TOTAL; from += BATCH)); do
  cfg="$WORK/batches/$from.cfg"
  : >"$cfg"
  for ((i = from; i < from + BATCH && i <= TOTAL; i++)); do
    (( i > from )) && echo 'next' >>"$cfg"
    block "$i" >>"$cfg"
  done
  curl --no-progress-meter --parallel --parallel-max "$PARALLEL" -K "$cfg" >>"$WORK/codes.txt" 2>>"$WORK/curl.err" || true
  r=$(rss_kb); echo "$((from + BATCH - 1)) $r" >>"$WORK/rss.txt"
  (( r > RSS_PEAK )) && RSS_PEAK=$r
done
SENT=$(wc -l <"$WORK/codes.txt")

# Every accepted render ends (bounded), then the checks.
for i in $(seq 1 1800); do
  stats=$(curl -fs "$BASE/queue/stats" || echo '{}')
  [[ "$stats" =~ \"waiting\":0 && "$stats" =~ \"active\":0 ]] && break
  [[ $i == 1800 ]] && echo "soak: renders still running after 30 minutes: $stats" >&2
  sleep 1 # polling the queue, bounded by the loop
done
ELAPSED=$(( $(date +%s) - START ))
RSS_END=$(rss_kb)
accepted=$(grep -c '^202 POST .*/jobs ' "$WORK/codes.txt" || true)
stats=$(curl -fs "$BASE/queue/stats")
completed=$(sed -n 's/.*"completed":\([0-9]*\).*/\1/p' <<<"$stats")
failed=$(sed -n 's/.*"failed":\([0-9]*\).*/\1/p' <<<"$stats")
uploads_ok=$(grep -c '^200 POST .*/upload ' "$WORK/codes.txt" || true)
outputs=$(find "$DATA/outputs" -type f | wc -l)
uploads=$(find "$DATA/uploads" -type f | wc -l)
leftovers=$(find "$DATA/work" "$DATA/tmp" -mindepth 1 | wc -l)
temp_records=$(find "$DATA/jobs" -name '*.tmp' | wc -l)
five=$(grep -c '^5' "$WORK/codes.txt" || true)
zero=$(grep -c '^000' "$WORK/codes.txt" || true)

echo "soak: $SENT requests in ${ELAPSED} s (parallel $PARALLEL), status codes:"
awk '{print $1}' "$WORK/codes.txt" | sort | uniq -c | sed 's/^/  /'
echo "soak: API RSS start $((RSS_START / 1024)) MiB, peak $((RSS_PEAK / 1024)) MiB, end $((RSS_END / 1024)) MiB (samples: $WORK/rss.txt)"
echo "soak: renders accepted $accepted, completed $completed, failed $failed; outputs $outputs; uploads accepted $uploads_ok, stored $uploads"
echo "soak: left behind: $leftovers entries in work/ and tmp/, $temp_records temporary job records"
ok=1
[[ $SENT == "$TOTAL" ]] || { echo "soak: FAIL: $SENT answers for $TOTAL requests"; ok=0; }
[[ $five == 0 && $zero == 0 ]] || { echo "soak: FAIL: $five 5xx answers, $zero without an answer"; ok=0; }
[[ $accepted == "$GOOD" && $completed == "$GOOD" && $outputs == "$GOOD" ]] || { echo "soak: FAIL: renders lost"; ok=0; }
[[ $uploads == "$uploads_ok" && $leftovers == 0 && $temp_records == 0 ]] || { echo "soak: FAIL: files left behind"; ok=0; }
if [[ $ok == 1 ]]; then echo "soak: PASS (work folder $WORK)"; else echo "soak: service log: $WORK/serve.log"; exit 1; fi
