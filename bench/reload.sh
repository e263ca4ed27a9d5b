#!/usr/bin/env bash
# Save-to-reload latency of the live preview (briefing serve): the time from
# writing a content file (saved as vim does, a new file renamed over the old)
# to the reload event reaching a connected client, through the watcher, the
# incremental build and the event stream. Reports the median and the 95th
# percentile (median-ms, p95-ms), the median build time (build-median-ms)
# and the first, cold build (cold-build-ms), on the default briefing and on
# a generated briefing of 1,000 articles.
#
# Targets: median under 30 ms on the default content, under 100 ms with
# 1,000 articles.
#
#   bench/reload.sh            # both sizes, 30 saves each
#   SAVES=60 bench/reload.sh   # more saves
#   SIZE=default bench/reload.sh   # one size: default or articles=1000
#   SIZE=scale SAVES=10 bench/reload.sh
#       # instead: an actor file and a claim file of a generated briefing
#       # of 10,000 articles, against a cold full build (target: the median
#       # under a tenth of it, median/full < 0.1); about two minutes more
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${SIZE:-}" = scale ]; then
	exec go test -run '^$' -bench '^BenchmarkReloadScale$' -benchtime "${SAVES:-10}x" -timeout 60m ./cmd/briefing/
fi
go test -run '^$' -bench "^BenchmarkReload\$/${SIZE:-}" -benchtime "${SAVES:-30}x" -timeout 60m ./cmd/briefing/
