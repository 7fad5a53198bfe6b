# What the HTTP benchmarks share (sourced, not run): one wrk run reduced to its figures, and
# the median of a list. The runs use $secs seconds each.

# wrk_run URL: prints "requests_per_second p99_ms" of wrk -t2 -c64 against URL.
wrk_run() {
  wrk -t2 -c64 -d"${secs}s" --latency "$1" | awk '
    /Requests\/sec/ { rps = $2 }
    /^ +99%/ { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 } p99 = v }
    END { printf "%.0f %.2f\n", rps, p99 }'
}

# median N...: the middle value (the upper one of an even count).
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
