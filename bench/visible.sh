#!/usr/bin/env bash
# Save-to-visible latency of the live preview (briefing serve), as an editor
# sees it: the time from saving a content file (alternately a plain write
# and, as vim saves, a new file renamed over the old) to the new text being
# in the DOM of the page open in a real headless Chromium, through the
# watcher, the quick build, the event stream, and the page fetching itself
# and patching its document in place. The same run measures the full reload
# that patching replaced (every other pair of saves), so the two compare
# under the same load. Reports the median and the 95th percentile of each
# (inplace-median-ms, inplace-p95-ms, reload-median-ms, reload-p95-ms) and
# how often a patch fell back to a reload (fallbacks/op), on the default
# briefing. Needs Chromium (apt-get install chromium).
#
# Target: in-place median at most 50 ms.
#
#   bench/visible.sh            # 40 saves, half patched, half reloaded
#   SAVES=80 bench/visible.sh   # more saves
#   COUNT=3 bench/visible.sh    # three runs, for a noisy machine
set -euo pipefail
cd "$(dirname "$0")/.."
go test -run '^$' -bench Visible -benchtime "${SAVES:-40}x" -count "${COUNT:-1}" -timeout 60m ./cmd/briefing/
