#!/usr/bin/env bash
# GET /api/proposals under wrk -t2 -c64, next to nginx serving the same response body from
# a file, in the same run: alternating A/B rounds (single runs vary by ±20 % on a shared
# 2-core machine), then the median of each and the ratio. Loopback only; bounded in time.
#   usage: tests/bench/api_throughput.sh [seconds per run, default 10] [rounds, default 3]
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/bench/wrk_support.sh
secs="${1:-10}"; rounds="${2:-3}"
work=$(mktemp -d)
chmod 755 "$work"  # nginx workers run as www-data and must read the body file
trap 'kill $beitai_pid 2>/dev/null || true; nginx -c "$work/nginx.conf" -s stop 2>/dev/null || true; rm -rf "$work"' EXIT

build/native/site/beitai serve --port 0 --db "$work/bench.sqlite" > "$work/beitai.log" 2>&1 &
beitai_pid=$!
for _ in $(seq 50); do grep -q 'listening on' "$work/beitai.log" && break; sleep 0.1; done
beitai_url=$(sed -n 's/.*listening on \(http:[^ ]*\)/\1/p' "$work/beitai.log" | head -n1)
beitai_url="${beitai_url%/}/api/proposals"
curl -sf "$beitai_url" > "$work/proposals.json"
chmod 644 "$work/proposals.json"

cat > "$work/nginx.conf" <<NGINX
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  server {
    listen 127.0.0.1:18999;
    location = /api/proposals { default_type application/json; alias $work/proposals.json; }
  }
}
NGINX
nginx -c "$work/nginx.conf"
nginx_url="http://127.0.0.1:18999/api/proposals"
cmp <(curl -sf "$nginx_url") "$work/proposals.json" || { echo "nginx serves a different body" >&2; exit 1; }
echo "body: $(stat -c %s "$work/proposals.json") bytes; wrk -t2 -c64 -d${secs}s; $rounds alternating rounds"

b_rps=(); b_p99=(); n_rps=(); n_p99=()
for i in $(seq "$rounds"); do
  read -r r p < <(wrk_run "$beitai_url"); b_rps+=("$r"); b_p99+=("$p")
  read -r r p < <(wrk_run "$nginx_url"); n_rps+=("$r"); n_p99+=("$p")
  echo "round $i: beitai ${b_rps[-1]} req/s (p99 ${b_p99[-1]} ms)   nginx ${n_rps[-1]} req/s (p99 ${n_p99[-1]} ms)"
done
mb=$(median "${b_rps[@]}"); mn=$(median "${n_rps[@]}")
echo "median: beitai $mb req/s (p99 $(median "${b_p99[@]}") ms), nginx $mn req/s (p99 $(median "${n_p99[@]}") ms)"
awk -v b="$mb" -v n="$mn" 'BEGIN { printf "beitai / nginx = %.2f\n", b / n }'
