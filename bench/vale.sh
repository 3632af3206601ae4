#!/usr/bin/env bash
# bench/vale.sh [N] — time `marque check` against Vale on the same generated
# corpus of N posts (default 1000), with a Vale style equivalent to the kit's
# [voice], after checking that both report the same problems; print a
# Markdown table of the results.
#
# Environment:
#   ROUNDS  hyperfine rounds (default 5); each round times both tools twice,
#           the order alternating from one round to the next.
#   EVERY   plant known problems in every EVERYth post (default 10).
#   VALE    the vale binary (default: vale on PATH, else $(go env GOPATH)/bin/vale).
#
# Vale is installed as /work/shared/BENCH.md describes; this script installs
# nothing. Everything it makes lives in one temporary folder, removed on exit.
set -euo pipefail

usage() {
	echo "usage: bench/vale.sh [N]   (N posts, default 1000; ROUNDS=5 rounds of 2 runs each)" >&2
	exit 2
}

n=${1:-1000}
rounds=${ROUNDS:-5}
every=${EVERY:-10}
runs_per_round=2
[[ $n =~ ^[1-9][0-9]*$ ]] || usage
[[ $rounds =~ ^[1-9][0-9]*$ ]] || usage
[[ $every =~ ^[1-9][0-9]*$ ]] || usage
(($# <= 1)) || usage

vale=${VALE:-$(command -v vale || true)}
if [[ -z $vale ]] && command -v go >/dev/null && [[ -x $(go env GOPATH)/bin/vale ]]; then
	vale=$(go env GOPATH)/bin/vale
fi
missing=()
command -v go >/dev/null || missing+=("go (https://go.dev/dl/)")
[[ -n $vale && -x $vale ]] || missing+=("vale (see the Vale section of the team's benchmark notes)")
command -v hyperfine >/dev/null || missing+=("hyperfine (apt-get install -y hyperfine)")
command -v jq >/dev/null || missing+=("jq (apt-get install -y jq)")
if ! [[ -x /usr/bin/time && $(/usr/bin/time --version 2>&1) == *GNU* ]]; then
	missing+=("GNU time as /usr/bin/time (apt-get install -y time)")
fi
if ((${#missing[@]})); then
	echo "bench/vale.sh needs:" >&2
	printf '  %s\n' "${missing[@]}" >&2
	exit 2
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/marque-vale.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

log() { printf '%s\n' "$*" >&2; }

load_start=$(cut -d' ' -f1-3 /proc/loadavg)

log "building marque, the corpus generator and valekit"
(cd "$root" && go build -o "$tmp/bin/marque" ./cmd/marque && go build -o "$tmp/bin/gen" ./bench/gen &&
	go build -o "$tmp/bin/valekit" ./bench/valekit)
marque=$tmp/bin/marque
valekit=$tmp/bin/valekit

log "generating $n posts, with known problems in every ${every}th"
"$tmp/bin/gen" -n "$n" -out "$tmp/corpus"
kit=$tmp/corpus/kit
"$valekit" plant -kit "$kit" -every "$every"
"$valekit" style -kit "$kit" -out "$tmp/vale"

marque_argv=("$marque" check -s "$kit" --format json)
vale_argv=("$vale" --config "$tmp/vale/.vale.ini" --output=JSON --no-exit "$kit/content")

# marque check exits 1 on the planted errors: that is its answer, not a failure.
log "checking that both tools report the same problems"
"${marque_argv[@]}" >"$tmp/marque.json" 2>"$tmp/marque.err" || [[ $? == 1 ]] || {
	cat "$tmp/marque.err" >&2
	exit 1
}
"${vale_argv[@]}" >"$tmp/vale.json"
if ! "$valekit" compare -kit "$kit" -marque "$tmp/marque.json" -vale "$tmp/vale.json" >"$tmp/compare.md"; then
	cat "$tmp/compare.md" >&2
	log "marque and Vale do not report the same problems: no timing"
	exit 1
fi
others=$(jq -r '[.[] | select(.rule | IN("voice.banned", "voice.confidential", "voice.prefer", "voice.sentence-length", "voice.exclamation") | not)]
	| if length == 0 then "none" else group_by(.rule) | map("\(.[0].rule) \(length)") | join(", ") end' "$tmp/marque.json")

# lint is marque's voice pass alone (read the posts, parse their Markdown,
# check their voice): the part of marque check that does what Vale does.
lint_argv=("$valekit" lint -kit "$kit")
marque_cmd=$(printf '%q ' "${marque_argv[@]}")
lint_cmd=$(printf '%q ' "${lint_argv[@]}")
vale_cmd=$(printf '%q ' "${vale_argv[@]}")
# Several short rounds in alternating order spread a neighbour's load on
# this shared machine over the tools.
for ((r = 1; r <= rounds; r++)); do
	log "round $r of $rounds"
	m=(-n marque "$marque_cmd" -n lint "$lint_cmd")
	v=(-n vale "$vale_cmd")
	if ((r % 2)); then order=("${m[@]}" "${v[@]}"); else order=("${v[@]}" "${m[@]}"); fi
	hyperfine -N -i --style basic --runs "$runs_per_round" --export-json "$tmp/round-$r.json" "${order[@]}" >&2
done

# times_of NAME FIELD FILTER: FILTER applied to every FIELD (times, user)
# of NAME's runs, sorted. hyperfine keeps one user time per round: its mean.
times_of() {
	jq -rs --arg name "$1" "[.[].results[] | select(.command == \$name) | .$2] | flatten | sort | $3" "$tmp"/round-*.json
}
median='if length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 end'
spread='"\(.[0])\t\(.[-1])"'
for tool in marque lint vale; do
	declare "med_$tool=$(times_of $tool times "$median")"
	declare "cpu_$tool=$(times_of $tool user "$median")"
	declare "range_$tool=$(times_of $tool times "$spread" | awk -F'\t' '{ printf "%.2f–%.2f s", $1, $2 }')"
done
samples=$(times_of marque times length)

# GNU time puts "Command exited with non-zero status 1" before the figure
# when marque reports errors: the figure is the last line.
log "peak memory: one more run of each under /usr/bin/time"
/usr/bin/time -f %M -o "$tmp/rss-marque" "${marque_argv[@]}" >/dev/null 2>&1 || true
/usr/bin/time -f %M -o "$tmp/rss-lint" "${lint_argv[@]}" >/dev/null 2>&1
/usr/bin/time -f %M -o "$tmp/rss-vale" "${vale_argv[@]}" >/dev/null 2>&1

load_end=$(cut -d' ' -f1-3 /proc/loadavg)
mib() { awk -v k="$1" 'BEGIN { printf "%.0f MiB", k / 1024 }'; }
secs() { awk -v s="$1" 'BEGIN { printf "%.2f s", s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

cat <<EOF

## marque check vs Vale, $n posts

Both report the same problems on the rules they share (posts' bodies; Vale
does not read front matter):

$(cat "$tmp/compare.md")

| | marque check | marque's voice pass alone | Vale |
|---|--:|--:|--:|
| median wall time ($samples runs each) | $(secs "$med_marque") | $(secs "$med_lint") | $(secs "$med_vale") |
| fastest–slowest | $range_marque | $range_lint | $range_vale |
| ratio to Vale, wall time | $(ratio "$med_marque" "$med_vale") | $(ratio "$med_lint" "$med_vale") | 1 |
| median user CPU time (one per round) | $(secs "$cpu_marque") | $(secs "$cpu_lint") | $(secs "$cpu_vale") |
| ratio to Vale, CPU time | $(ratio "$cpu_marque" "$cpu_vale") | $(ratio "$cpu_lint" "$cpu_vale") | 1 |
| peak RSS (one run) | $(mib "$(tail -n1 "$tmp/rss-marque")") | $(mib "$(tail -n1 "$tmp/rss-lint")") | $(mib "$(tail -n1 "$tmp/rss-vale")") |

- marque check does more than the shared rules: it loads and renders the whole kit in memory (pages, feed, image plan, share texts) and runs every check; its other findings: $others
- marque's voice pass alone is \`valekit lint\`: it reads the posts, parses their Markdown and runs every voice rule, as marque check does, and nothing else
- machine: nproc $(nproc), load average $load_start at start, $load_end at end
- marque: $("$marque" version 2>&1 | head -n1) (commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown))
- vale: $("$vale" --version 2>&1 | head -n1)
- $(go version)
EOF
