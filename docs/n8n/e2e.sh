#!/usr/bin/env bash
# End-to-end check of the render service against a real n8n (docs/service.md, "Checking against a
# real n8n"): the async resume pattern (POST /jobs, signed webhook to the Wait node's resume URL) and
# the legacy synchronous POST /edit followed by a download, both driven by n8n workflows.
#
# usage: docs/n8n/e2e.sh [WORK_DIR]
# Needs the n8n harness installed once (N8N_HARNESS/install.sh, ~4-5 min) and python3 and curl.
# Settings: N8N_HARNESS (default ../shared/tools/n8n next to the checkout), N8N_REF_HOME, N8N_PORT
# (as the harness), SERVICE_PORT (18080). Exit 0 when both checks pass; the reports stay in WORK_DIR.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
H="$(cd "${N8N_HARNESS:-$ROOT/../shared/tools/n8n}" && pwd)"
WORK="${1:-$(mktemp -d /tmp/smelter-n8n-e2e.XXXXXX)}"
API="http://127.0.0.1:${SERVICE_PORT:-18080}"
SECRET_B64=dGVzdC1zZWNyZXQtMDEyMzQ1Njc4OQ==   # "test-secret-0123456789"
LEGACY_WF="$ROOT/docs/n8n/legacy-edit-workflow.json"
mkdir -p "$WORK/media"
echo "work folder: $WORK" >&2

# 1. n8n (started if needed; owner, API key, workflow deployed by the harness)
"$H/start.sh" >&2
. "$H/env.sh"

# 2. the service: absolute download URLs (n8n downloads them), a webhook secret, and webhooks allowed
#    to reach n8n's resume URLs on this host (loopback is refused by default)
"$ROOT/smelter-video" serve --port "${API##*:}" --data-dir "$WORK/data" --slots 1 --external-url "$API" \
  --smelter.webhook.secret="whsec_$SECRET_B64" --smelter.webhook.allowed-hosts=127.0.0.1,localhost,::1 \
  >"$WORK/serve.log" 2>&1 &
SERVICE=$!
trap 'kill "$SERVICE" 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -sf -m 2 "$API/health" >/dev/null && break; sleep 1; done
curl -sf -m 2 "$API/health" >/dev/null || { echo "service did not start; see $WORK/serve.log" >&2; exit 3; }

# 3. media made here, uploaded the way n8n does it (multipart field "files")
python3 - "$WORK/media" <<'PY'
import math, struct, sys, zlib
d = sys.argv[1]; w, h = 160, 240
raw = b''.join(b'\x00' + bytes([40, 90, 200]) * w for _ in range(h))
chunk = lambda t, b: struct.pack('>I', len(b)) + t + b + struct.pack('>I', zlib.crc32(t + b) & 0xffffffff)
open(f'{d}/page.png', 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0))
                                  + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))
rate = 16000; pcm = b''.join(struct.pack('<h', int(0.3 * 32767 * math.sin(2 * math.pi * 440 * k / rate))) for k in range(int(2.5 * rate)))
open(f'{d}/voice.wav', 'wb').write(b'RIFF' + struct.pack('<I', 36 + len(pcm)) + b'WAVEfmt ' + struct.pack('<IHHIIHH', 16, 1, 1, rate, rate * 2, 2, 16)
                                   + b'data' + struct.pack('<I', len(pcm)) + pcm)
PY
curl -sf -F "files=@$WORK/media/page.png" -F "files=@$WORK/media/voice.wav" "$API/upload" >"$WORK/upload.json"
python3 - "$WORK" <<'PY'
import json, sys
w = sys.argv[1]; f = json.load(open(f'{w}/upload.json'))['files']
spec = {"width": 320, "height": 480, "fps": 25, "defaults": {"transition": {"name": "fade", "duration": 0.3}},
        "clips": [{"duration": 1.5, "layers": [{"type": "image", "path": f[0]['path'], "resizeMode": "cover"},
                                               {"type": "audio", "path": f[1]['path']}]},
                  {"duration": 1.0, "layers": [{"type": "fill-color", "color": "#336699"}, {"type": "title", "text": "n8n"}]}]}
for kind in ('async', 'sync'):
    json.dump({"editSpec": spec, "outputFilename": f"n8n-{kind}.mp4", "metadata": {"row_id": 42}}, open(f'{w}/job-{kind}.json', 'w'))
PY

# Deploys a workflow (the harness keeps one at a time) and runs one job through it; the production
# webhook registers a moment after activation, so a 404 from the trigger is retried a few times.
run_workflow() { # WORKFLOW SPEC REPORT
  "$NODE_BIN" "$H/harness.mjs" bootstrap --base "$N8N_BASE_URL" --state "$N8N_STATE" --workflow "$1" >&2
  local rc
  for _ in 1 2 3 4 5; do
    rc=0
    "$NODE_BIN" "$H/harness.mjs" run --base "$N8N_BASE_URL" --state "$N8N_STATE" --workflow "$1" --spec "$2" --api "$API" \
      --timeout 300 >"$3" 2>"$3.log" || rc=$?
    [ "$rc" -eq 3 ] && grep -q 'is not registered' "$3.log" && { sleep 1; continue; }
    break
  done
  cat "$3.log" >&2
  return "$rc"
}

# 4. async: Webhook -> POST /jobs (webhookUrl = $execution.resumeUrl) -> Wait (POST) -> Set
run_workflow "$H/workflow.json" "$WORK/job-async.json" "$WORK/report-async.json"
# 5. legacy sync: Webhook -> POST /edit (timeout 45 min) -> GET downloadUrl (Response: File) -> Set
run_workflow "$LEGACY_WF" "$WORK/job-sync.json" "$WORK/report-sync.json"

# 6. what n8n received: the callback (signature recomputed from the body) and the downloaded MP4
python3 - "$WORK" "$SECRET_B64" "$API" <<'PY'
import base64, hashlib, hmac, json, sys
w, secret, api = sys.argv[1], base64.b64decode(sys.argv[2]), sys.argv[3]
a = json.load(open(f'{w}/report-async.json')); s = json.load(open(f'{w}/report-sync.json'))
cb, hd = a['callback'], a['callbackHeaders']
body = json.dumps(cb, separators=(',', ':'))
sig = 'v1,' + base64.b64encode(hmac.new(secret, f"{hd['webhook-id']}.{hd['webhook-timestamp']}.{body}".encode(), hashlib.sha256).digest()).decode()
checks = {
    'async: execution resumed by the callback': a['status'] == 'success' and a['callbackReceived'],
    'async: callback says completed, right job': cb['status'] == 'completed' and cb['jobId'] == a['submitResponse']['jobId'],
    'async: downloadUrl and metadata': cb['downloadUrl'] == f'{api}/download/n8n-async.mp4' and cb['metadata'] == {'row_id': 42},
    'async: duration 2.2 s (1.5 + 1.0 - 0.3 fade)': abs(cb['duration'] - 2.2) < 0.05,
    'async: webhook-signature verifies': str(len(body)) == hd.get('content-length') and sig in hd['webhook-signature'].split(' '),
    'sync: /edit success body': s['status'] == 'success' and s['callback'] == {
        'message': 'Video editing completed successfully', 'outputPath': '/outputs/n8n-sync.mp4',
        'outputFilename': 'n8n-sync.mp4', 'downloadUrl': f'{api}/download/n8n-sync.mp4'},
    'sync: n8n downloaded video/mp4': s['callbackHeaders']['mimeType'] == 'video/mp4' and s['callbackHeaders']['fileName'] == 'n8n-sync.mp4',
}
for name, ok in checks.items(): print(('PASS ' if ok else 'FAIL ') + name)
sys.exit(0 if all(checks.values()) else 1)
PY
