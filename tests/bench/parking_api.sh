#!/usr/bin/env bash
# GET /api/parking?bbox=… under wrk -t2 -c64 while the poller pulls eight county feeds from
# the simulator every second, two of them faulty (one hangs, one answers 500), next to the
# same server whose poller fetched once and then sleeps (interval 1 h): alternating rounds,
# the median p99 of each and the difference. Loopback only; bounded in time.
#   usage: tests/bench/parking_api.sh [seconds per run, default 10] [rounds, default 3]
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/bench/wrk_support.sh
secs="${1:-10}"; rounds="${2:-3}"
work=$(mktemp -d)
# Servers start inside $(…) subshells, so every pid goes to a file the trap reads.
trap 'for f in "$work"/*.pid; do kill "$(cat "$f")" 2>/dev/null || true; done; rm -rf "$work"' EXIT

started_url() {  # waits for "listening on URL" in a log; prints URL without the slash
  for _ in $(seq 100); do grep -q 'listening on' "$1" && break; sleep 0.1; done
  local url; url=$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$1" | head -n1); echo "${url%/}"
}

build/native/site/simulator/beitai-feed-simulator --port 0 --step-seconds 1 > "$work/sim.log" 2>&1 &
echo $! > "$work/sim.pid"
sim=$(started_url "$work/sim.log")

config() {  # $1 interval
  python3 - "$sim" "$1" <<'PY'
import json, sys
counties = ["Taipei", "NewTaipei", "Keelung", "Taoyuan", "Hsinchu", "HsinchuCounty", "MiaoliCounty", "YilanCounty"]
print(json.dumps({"base_url": sys.argv[1],
  "defaults": {"interval_s": int(sys.argv[2]), "car_parks_interval_s": int(sys.argv[2]), "timeout_ms": 2000,
               "connect_timeout_ms": 1000, "sample": True},
  "counties": [dict(county=c, format="xml" if i % 2 else "json", **({"live": False} if c == "MiaoliCounty" else {}))
               for i, c in enumerate(counties)]}))
PY
}
config 1 > "$work/polling.json"
config 3600 > "$work/idle.json"

start() {  # $1 name, $2 config → prints the URL to load
  build/native/site/beitai serve --port 0 --db "$work/$1.sqlite" --feeds "$2" > "$work/$1.log" 2>&1 &
  echo $! > "$work/$1.pid"
  local url; url=$(started_url "$work/$1.log")
  for _ in $(seq 100); do
    curl -sf "$url/api/parking/feeds" | python3 -c 'import json,sys; sys.exit(0 if all(f["last_success"] for f in json.load(sys.stdin)["feeds"]) else 1)' && break
    sleep 0.1
  done
  echo "$url/api/parking?bbox=121.45,25.0,121.65,25.15"
}
polling=$(start polling "$work/polling.json")
idle=$(start idle "$work/idle.json")
# Two faulty counties from now on: Keelung hangs (each poll waits out its 2 s timeout), Taipei answers 500.
curl -sf -X POST "$sim/control/Keelung/fault?kind=hang" > /dev/null
curl -sf -X POST "$sim/control/Taipei/fault?kind=http500" > /dev/null
echo "body: $(curl -sf "$polling" | wc -c) bytes; wrk -t2 -c64 -d${secs}s; $rounds alternating rounds; feeds every 1 s, Keelung hanging, Taipei HTTP 500"

a_rps=(); a_p99=(); b_rps=(); b_p99=()
for i in $(seq "$rounds"); do
  read -r r p < <(wrk_run "$polling"); a_rps+=("$r"); a_p99+=("$p")
  read -r r p < <(wrk_run "$idle"); b_rps+=("$r"); b_p99+=("$p")
  echo "round $i: poller on ${a_rps[-1]} req/s (p99 ${a_p99[-1]} ms)   poller idle ${b_rps[-1]} req/s (p99 ${b_p99[-1]} ms)"
done
ma=$(median "${a_p99[@]}"); mb=$(median "${b_p99[@]}")
echo "median p99: poller on $ma ms ($(median "${a_rps[@]}") req/s), poller idle $mb ms ($(median "${b_rps[@]}") req/s)"
awk -v a="$ma" -v b="$mb" 'BEGIN { printf "p99 difference: %+.2f ms\n", a - b }'
curl -sf "${polling%%/api/*}/api/parking/feeds" | python3 -c 'import json,sys; [print("  %-14s failures %-3s %s" % (f["county"], f["consecutive_failures"], f["last_error"][:70])) for f in json.load(sys.stdin)["feeds"]]'
