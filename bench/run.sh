#!/usr/bin/env bash
# bench/run.sh [N] — time `marque build` against `hugo` on the same generated
# corpus of N posts (default 1000) and print a Markdown table of the results.
#
# Environment:
#   ROUNDS  hyperfine rounds (default 5); each round times both tools twice,
#           the order alternating from one round to the next.
#   OUTDIR  a folder under which both tools write their output (default: the
#           run's temporary folder); OUTDIR=/dev/shm takes the disk out of the
#           timing.
#
# It installs nothing: it says what is missing. Everything it makes lives in
# one temporary folder, removed on exit.
set -euo pipefail

usage() {
	echo "usage: bench/run.sh [N]   (N posts, default 1000; ROUNDS=5 rounds of 2 runs each)" >&2
	exit 2
}

n=${1:-1000}
rounds=${ROUNDS:-5}
runs_per_round=2
[[ $n =~ ^[1-9][0-9]*$ ]] || usage
[[ $rounds =~ ^[1-9][0-9]*$ ]] || usage
(($# <= 1)) || usage

missing=()
command -v go >/dev/null || missing+=("go (https://go.dev/dl/)")
command -v hugo >/dev/null || missing+=("hugo (apt-get install -y hugo)")
command -v hyperfine >/dev/null || missing+=("hyperfine (apt-get install -y hyperfine)")
command -v jq >/dev/null || missing+=("jq (apt-get install -y jq)")
if ! [[ -x /usr/bin/time && $(/usr/bin/time --version 2>&1) == *GNU* ]]; then
	missing+=("GNU time as /usr/bin/time (apt-get install -y time)")
fi
if ((${#missing[@]})); then
	echo "bench/run.sh needs:" >&2
	printf '  %s\n' "${missing[@]}" >&2
	exit 2
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/marque-bench.XXXXXX")
outs=$tmp/out
trap 'rm -rf "$tmp" "$outs"' EXIT
if [[ -n ${OUTDIR:-} ]]; then
	outs=$(mktemp -d "$OUTDIR/marque-bench-out.XXXXXX")
fi
trap 'exit 130' INT TERM

log() { printf '%s\n' "$*" >&2; }

load_start=$(cut -d' ' -f1-3 /proc/loadavg)

log "building marque and the corpus generator"
(cd "$root" && go build -o "$tmp/bin/marque" ./cmd/marque && go build -o "$tmp/bin/gen" ./bench/gen)
marque=$tmp/bin/marque

# The corpus is always new: gen refuses a folder that is not empty, and this
# one was just made.
log "generating $n posts"
"$tmp/bin/gen" -n "$n" -out "$tmp/corpus"
kit=$tmp/corpus/kit
site=$tmp/corpus/hugo
out_marque=$outs/marque
out_hugo=$outs/hugo

# Both tools write into a folder that does not exist yet, every time: the
# --prepare commands below remove it before each timed run. Hugo gets its own
# empty cache folder, so it reuses nothing between runs but what marque
# could reuse too (the files in the OS page cache).
marque_argv=("$marque" build -s "$kit" -o "$out_marque")
hugo_argv=(hugo --quiet -s "$site" -d "$out_hugo" --cacheDir "$tmp/hugo-cache")
marque_cmd=$(printf '%q ' "${marque_argv[@]}")
hugo_cmd=$(printf '%q ' "${hugo_argv[@]}")

log "checking the corpus with marque check"
"$marque" check -s "$kit" --format json >"$tmp/findings.json" 2>"$tmp/check.err" || true
findings=$(jq -r 'if length == 0 then "none" else group_by(.rule) | map("\(.[0].rule) (\(.[0].severity)) \(length)") | join(", ") end' "$tmp/findings.json" 2>/dev/null) ||
	findings="unknown (marque check printed no JSON)"

log "warm-up: one build of each"
if ! "${marque_argv[@]}" >"$tmp/marque.log" 2>&1; then
	cat "$tmp/marque.log" >&2
	log "marque build failed on the generated corpus; no timing"
	exit 1
fi
if ! "${hugo_argv[@]}" >"$tmp/hugo.log" 2>&1; then
	cat "$tmp/hugo.log" >&2
	log "hugo failed on the generated corpus; no timing"
	exit 1
fi

# hyperfine runs all runs of one command before the next, so a neighbour's
# load on this shared machine could fall on one tool only. Several short
# rounds, in alternating order, spread it over both.
for ((r = 1; r <= rounds; r++)); do
	log "round $r of $rounds"
	m=(--prepare "rm -rf $(printf '%q' "$out_marque")" -n marque "$marque_cmd")
	h=(--prepare "rm -rf $(printf '%q' "$out_hugo")" -n hugo "$hugo_cmd")
	if ((r % 2)); then order=("${m[@]}" "${h[@]}"); else order=("${h[@]}" "${m[@]}"); fi
	hyperfine -N --style basic --runs "$runs_per_round" --export-json "$tmp/round-$r.json" \
		"${order[@]}" >&2
done

# times_of NAME FILTER prints FILTER applied to every time of NAME, sorted.
times_of() {
	jq -rs --arg name "$1" "[.[].results[] | select(.command == \$name) | .times[]] | sort | $2" "$tmp"/round-*.json
}
median='if length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 end'
med_marque=$(times_of marque "$median")
med_hugo=$(times_of hugo "$median")
spread='"\(.[0])\t\(.[-1])"'
range_marque=$(times_of marque "$spread" | awk -F'\t' '{ printf "%.2f–%.2f s", $1, $2 }')
range_hugo=$(times_of hugo "$spread" | awk -F'\t' '{ printf "%.2f–%.2f s", $1, $2 }')
samples=$(times_of marque length)

log "peak memory: one more build of each under /usr/bin/time"
rm -rf "$out_marque" "$out_hugo"
/usr/bin/time -f %M -o "$tmp/rss-marque" "${marque_argv[@]}" >/dev/null 2>&1
/usr/bin/time -f %M -o "$tmp/rss-hugo" "${hugo_argv[@]}" >/dev/null 2>&1

load_end=$(cut -d' ' -f1-3 /proc/loadavg)

mib() { awk -v k="$1" 'BEGIN { printf "%.0f MiB", k / 1024 }'; }
secs() { awk -v s="$1" 'BEGIN { printf "%.2f s", s }'; }
html_files() { find "$1" -name '*.html' -type f | wc -l; }
size() { find "$1" -type f -printf '%s\n' | awk '{ s += $1; n++ } END { printf "%.1f MiB in %d files", s / 1048576, n }'; }
# post_page prints the mean size of the post pages, posts/<slug>/index.html.
post_page() {
	find "$1/posts" -mindepth 2 -maxdepth 2 -path '*/post-*/index.html' -printf '%s\n' |
		awk '{ s += $1; n++ } END { if (n) printf "%.1f KiB (%d pages)", s / n / 1024, n; else print "none" }'
}

cat <<EOF

## marque build vs hugo, $n posts

| | marque | hugo |
|---|--:|--:|
| median wall time ($samples runs each) | $(secs "$med_marque") | $(secs "$med_hugo") |
| fastest–slowest | $range_marque | $range_hugo |
| ratio marque / hugo | $(awk -v m="$med_marque" -v h="$med_hugo" 'BEGIN { printf "%.2f", m / h }') | |
| peak RSS (one run) | $(mib "$(cat "$tmp/rss-marque")") | $(mib "$(cat "$tmp/rss-hugo")") |
| HTML files written | $(html_files "$out_marque") | $(html_files "$out_hugo") |
| mean post page | $(post_page "$out_marque") | $(post_page "$out_hugo") |
| output size | $(size "$out_marque") | $(size "$out_hugo") |

- machine: nproc $(nproc), load average $load_start at start, $load_end at end; output written to $(df --output=fstype "$outs" | tail -n1)
- marque: $("$marque" version 2>&1 | head -n1) (commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown))
- marque check on the corpus: $findings
- $(hugo version)
- $(go version)
EOF
