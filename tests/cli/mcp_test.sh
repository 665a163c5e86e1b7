# SPDX-License-Identifier: Apache-2.0
# oss-back2base mcp test [--server NAME] [--timeout S] [--json]: a real MCP
# initialize to each HTTP server, all at once, against a small MCP server
# this test starts on loopback.
source "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || { echo "python3 is not installed"; exit 77; }
state="$HOME/.config/back2base/state"
requests="$SCRATCH/requests.log"

python3 "$B2B_SOURCE_DIR/tests/support/mcp_http_server.py" \
  --token loop-secret --log "$requests" >"$SCRATCH/port" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$SCRATCH"' EXIT
for _ in $(seq 50); do [ -s "$SCRATCH/port" ] && break; sleep 0.1; done
port=$(cat "$SCRATCH/port")
[ -n "$port" ] || fail "the test server did not start"
base="http://127.0.0.1:$port"

mkdir -p "$state"
cat >"$state/.mcp.json" <<JSON
{"mcpServers": {
  "json": {"type": "http", "url": "$base/mcp"},
  "stream": {"type": "http", "url": "$base/sse"},
  "private": {"type": "http", "url": "$base/private",
              "headers": {"Authorization": "Bearer \${LOOP_TOKEN}"}},
  "refusing": {"type": "http", "url": "$base/refuse"},
  "webpage": {"type": "http", "url": "$base/html"},
  "silent": {"type": "http", "url": "$base/hang"},
  "local": {"command": "local-server"}
}}
JSON

# Without its token, the private server is skipped, not failed.
run 1 mcp test --timeout 1
has "$OUT" "passed   json (http): initialize answered by loopback-test 1.2.3, protocol 2025-06-18 ("
has "$OUT" "passed   stream (http): initialize answered by loopback-test 1.2.3"
has "$OUT" "skipped  private (http): needs LOOP_TOKEN, which is not set"
has "$OUT" "failed   refusing (http): initialize was refused: unsupported ("
has "$OUT" "failed   webpage (http): the reply is not JSON-RPC; is this an MCP endpoint? ("
has "$OUT" "failed   silent (http): no reply from 127.0.0.1:$port: no answer within 1000 ms"
has "$OUT" "skipped  local (stdio): a stdio server runs only inside the session image"
has "$OUT" "2 passed, 3 failed, 2 skipped"
# In registry order, whichever answered first.
[ "$(grep -Eo '^(passed|failed|skipped) +[a-z]+' "$OUT" | awk '{print $2}' |
  tr '\n' ' ')" = "json stream private refusing webpage silent local " ] ||
  fail "results are not in registry order"

# The token goes only where the server's headers say, and is never shown.
BACK2BASE_LOOP_TOKEN=loop-secret run 0 mcp test --server private --json
jq -e '.summary == {"passed": 1, "failed": 0, "skipped": 0} and
  .results[0].name == "private" and .results[0].status == "passed" and
  .results[0].http_status == 200' "$OUT" >/dev/null || fail "--server private"
lacks "$OUT" "loop-secret"
grep -q '"path": "/private", "method": "initialize", "authorization": "Bearer loop-secret", "accept": "application/json, text/event-stream"' \
  "$requests" || fail "the server did not get the token: $(cat "$requests")"
BACK2BASE_LOOP_TOKEN=wrong run 1 mcp test --server private
has "$OUT" "failed   private (http): HTTP 401 Unauthorized; check the token the server's headers name"

run 0 mcp test --server json --json
jq -e '.results | length == 1 and .[0].status == "passed" and
  .[0].transport == "http" and (.[0].milliseconds | type == "number")' \
  "$OUT" >/dev/null || fail "--server json --json"

run 2 mcp test --server jsn
has "$ERR" "oss-back2base: error: --server: no server \"jsn\" in $state/.mcp.json; did you mean \"json\"?"
run 2 mcp test --timeout 0
