#!/usr/bin/env bash
# Whole-build time and memory of briefing build against Hugo, on generated
# briefings of 1,000 and 10,000 articles (issue 17). cmd/gencorpus writes
# each briefing and, from the same article texts, a minimal Hugo site;
# both builds are timed as whole processes with /usr/bin/time, alternating,
# each into a new output folder, with the disk synced before each run.
# Prints, per size, the medians of wall time and peak resident memory of
# each (with the fastest and slowest run), the ratios briefing/Hugo (the
# median of the ratios of each pair of runs, which holds when a shared
# machine's speed drifts), and how much briefing's time grows from the
# smallest size to the largest, as a Markdown table.
#
# Targets at 10,000 articles: at most 0.25 of Hugo's time and 0.5 of its
# memory; from 1,000 to 10,000 articles, at most 12 times the time.
#
# Sizes: 10,000 articles with 200 actors and 500 claims; other sizes scale
# actors and claims in proportion (1,000 articles: 20 actors, 50 claims).
#
#   bench/scale.sh                 # 1,000 and 10,000 articles, 5 runs each
#   RUNS=3 bench/scale.sh          # fewer runs
#   SIZES=1000 bench/scale.sh      # one size
#   SEED=2 bench/scale.sh          # another corpus
#   KEEP=1 bench/scale.sh          # keep the corpora and outputs (in $TMPDIR)
#
# Installs Debian's hugo and time packages when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-5}
sizes=${SIZES:-1000 10000}
seed=${SEED:-1}

need() { # need COMMAND PACKAGE
	if ! command -v "$1" >/dev/null 2>&1; then
		echo "installing $2 (apt-get install -y $2)" >&2
		apt-get install -y "$2" >/dev/null || { apt-get update >/dev/null && apt-get install -y "$2" >/dev/null; }
	fi
}
need hugo hugo
need /usr/bin/time time

work=$(mktemp -d "${TMPDIR:-/tmp}/scale.XXXXXX")
if [ -z "${KEEP:-}" ]; then
	trap 'rm -rf "$work"' EXIT
else
	echo "keeping $work" >&2
fi

go build -o "$work/briefing" ./cmd/briefing
go build -o "$work/gencorpus" ./cmd/gencorpus

# timed NAME COMMAND...: runs COMMAND under /usr/bin/time and appends
# "seconds kilobytes" to $work/NAME.
timed() {
	local name=$1
	shift
	if ! /usr/bin/time -f '%e %M' -o "$work/last" "$@" >"$work/log" 2>&1; then
		cat "$work/log" >&2
		echo "failed: $*" >&2
		exit 1
	fi
	cat "$work/last" >>"$work/$name"
}

# stats FILE COLUMN: the median, minimum and maximum of a column of
# numbers.
stats() {
	cut -d' ' -f"$2" "$1" | sort -g | awk '{x[NR]=$1} END {print (NR%2 ? x[(NR+1)/2] : (x[NR/2]+x[NR/2+1])/2), x[1], x[NR]}'
}

echo "| articles | actors | claims | briefing s | Hugo s | time ratio | briefing MB | Hugo MB | memory ratio |"
echo "|---:|---:|---:|---|---|---:|---:|---:|---:|"
first= last=
for n in $sizes; do
	actors=$(( n * 200 / 10000 > 0 ? n * 200 / 10000 : 1 ))
	claims=$(( n * 500 / 10000 ))
	src="$work/briefing-$n" hugosrc="$work/hugo-$n"
	"$work/gencorpus" -n "$n" -actors "$actors" -claims "$claims" -seed "$seed" -out "$src" -hugo "$hugosrc"
	for i in $(seq "$runs"); do
		# Each run writes a new folder, and the disk is synced before it
		# starts: deleting the last run's thousands of files, or writing
		# them back, would otherwise be charged to whichever build runs
		# next. The folders go when the script ends.
		sync
		timed "b$n" "$work/briefing" build -src "$src" -out "$work/site-$n-$i"
		sync
		timed "h$n" hugo --quiet -s "$hugosrc" -d "$work/public-$n-$i"
	done
	# Each pair of runs: briefing's seconds and KB, Hugo's, and the ratios.
	paste -d' ' "$work/b$n" "$work/h$n" | awk '{print $1, $2, $3, $4, $1/$3, $2/$4}' >"$work/pairs$n"
	read -r bs bsmin bsmax < <(stats "$work/pairs$n" 1)
	read -r hs hsmin hsmax < <(stats "$work/pairs$n" 3)
	read -r bk _ _ < <(stats "$work/pairs$n" 2)
	read -r hk _ _ < <(stats "$work/pairs$n" 4)
	read -r tr _ _ < <(stats "$work/pairs$n" 5)
	read -r mr _ _ < <(stats "$work/pairs$n" 6)
	printf "| %d | %d | %d | %.2f (%.2f–%.2f) | %.2f (%.2f–%.2f) | %.2f | %.0f | %.0f | %.2f |\n" \
		"$n" "$actors" "$claims" "$bs" "$bsmin" "$bsmax" "$hs" "$hsmin" "$hsmax" "$tr" \
		"$(awk -v k="$bk" 'BEGIN {print k/1024}')" "$(awk -v k="$hk" 'BEGIN {print k/1024}')" "$mr"
	[ -n "$first" ] || first="$n $bs"
	last="$n $bs"
done
set -- $first $last
if [ "$1" != "$3" ]; then
	awk -v a="$1" -v at="$2" -v b="$3" -v bt="$4" 'BEGIN { printf "\nbriefing time from %d to %d articles: %.1f times\n", a, b, bt/at }'
fi
echo "(medians of $runs runs, the fastest and slowest in brackets; wall time in seconds,"
echo "peak resident memory in MB; ratios are briefing/Hugo, the median over pairs of runs)"
