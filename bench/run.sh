#!/usr/bin/env bash
# bench/run.sh [N] — time marque against Hugo and Vale on the same generated
# corpus of N posts (default 1000), side by side in one run, and print
# Markdown tables of the results:
#
#   1. `marque build` (its image cache warm, as on any rebuild) against `hugo`;
#   2. `marque check` against `vale` with a style equivalent to the kit's
#      [voice], after checking that both report the same problems.
#
# Environment:
#   ROUNDS  hyperfine rounds (default 5); each round times every tool twice,
#           the order alternating from one round to the next.
#   ONLY    "build" or "check" to run one comparison only.
#   OUTDIR  a folder under which both builds write (default: the run's
#           temporary folder, under TMPDIR). TMPDIR=/dev/shm takes the disk
#           out of the timing; an OUTDIR on another file system than the
#           kit makes marque copy its cached images instead of linking them.
#   EVERY   plant known problems in every EVERYth post of the checked kit
#           (default 10).
#   VALE    the vale binary (default: vale on PATH, else $(go env GOPATH)/bin/vale).
#
# It installs nothing: it says what is missing. Everything it makes lives in
# one temporary folder, removed on exit.
set -euo pipefail

usage() {
	echo "usage: bench/run.sh [N]   (N posts, default 1000; ROUNDS=5 rounds of 2 runs each; ONLY=build|check)" >&2
	exit 2
}

n=${1:-1000}
rounds=${ROUNDS:-5}
every=${EVERY:-10}
only=${ONLY:-}
runs_per_round=2
[[ $n =~ ^[1-9][0-9]*$ ]] || usage
[[ $rounds =~ ^[1-9][0-9]*$ ]] || usage
[[ $every =~ ^[1-9][0-9]*$ ]] || usage
[[ -z $only || $only == build || $only == check ]] || usage
(($# <= 1)) || usage
want() { [[ -z $only || $only == "$1" ]]; }

vale=${VALE:-$(command -v vale || true)}
if [[ -z $vale ]] && command -v go >/dev/null && [[ -x $(go env GOPATH)/bin/vale ]]; then
	vale=$(go env GOPATH)/bin/vale
fi
missing=()
command -v go >/dev/null || missing+=("go (https://go.dev/dl/)")
if want build; then
	command -v hugo >/dev/null || missing+=("hugo (apt-get install -y hugo)")
fi
if want check; then
	[[ -n $vale && -x $vale ]] || missing+=("vale (see bench/README.md)")
fi
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
mib() { awk -v k="$1" 'BEGIN { printf "%.0f MiB", k / 1024 }'; }
secs() { awk -v s="$1" 'BEGIN { printf "%.2f s", s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
median='if length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 end'
spread='"\(.[0])\t\(.[-1])"'

# stat_of PREFIX NAME FIELD FILTER prints FILTER applied to every FIELD
# (times, user, system) of NAME's runs in the rounds PREFIX-*.json, sorted.
# hyperfine keeps one user and system time per round: their means.
stat_of() {
	jq -rs --arg name "$2" "[.[].results[] | select(.command == \$name) | .$3] | flatten | sort | $4" "$tmp/$1"-*.json
}
range_of() { stat_of "$1" "$2" times "$spread" | awk -F'\t' '{ printf "%.2f–%.2f s", $1, $2 }'; }
cpu_of() { jq -rs --arg name "$2" '[.[].results[] | select(.command == $name) | .user + .system] | sort | '"$median" "$tmp/$1"-*.json; }

# rounds PREFIX SPLIT ARGS... times the hyperfine command arguments ARGS
# (each "-n NAME CMD", or with --prepare) in $rounds rounds, alternating
# the order of the first SPLIT arguments (marque's) and the rest: hyperfine
# runs all runs of one command before the next, so a neighbour's load on a
# shared machine could otherwise fall on one tool only. $HYPERFINE_FLAGS
# adds flags.
rounds() {
	local prefix=$1 split=$2
	shift 2
	# A name must stay with its command: a split inside "-n NAME CMD" would
	# give the other tool's name to every other round's runs.
	if [[ ${*:split:1} == -n || ${*:split-1:1} == -n ]]; then
		echo "bench/run.sh: rounds $prefix $split splits a -n NAME CMD triple" >&2
		exit 2
	fi
	local first=("${@:1:split}") rest=("${@:split+1}") order
	for ((r = 1; r <= rounds; r++)); do
		log "$prefix: round $r of $rounds"
		if ((r % 2)); then order=("${first[@]}" "${rest[@]}"); else order=("${rest[@]}" "${first[@]}"); fi
		hyperfine -N ${HYPERFINE_FLAGS:-} --style basic --runs "$runs_per_round" --export-json "$tmp/$prefix-$r.json" "${order[@]}" >&2
	done
}

load_start=$(cut -d' ' -f1-3 /proc/loadavg)

log "building marque, the corpus generator and valekit"
(cd "$root" && go build -o "$tmp/bin/marque" ./cmd/marque && go build -o "$tmp/bin/gen" ./bench/gen &&
	go build -o "$tmp/bin/valekit" ./bench/valekit)
marque=$tmp/bin/marque
valekit=$tmp/bin/valekit

# The corpus is always new: gen refuses a folder that is not empty, and this
# one was just made.
log "generating $n posts"
"$tmp/bin/gen" -n "$n" -out "$tmp/corpus"
kit=$tmp/corpus/kit
site=$tmp/corpus/hugo

build_table() {
	local out_marque=$outs/marque out_hugo=$outs/hugo runs=$outs/runs
	# Every timed run writes into a folder that did not exist, made just
	# before it, and no output is removed until the rounds end: on ext4,
	# creating files in a block group where thousands were just deleted
	# makes the kernel check each freed inode's deletion time, a cost that
	# grows with the files a tool writes and changed timings threefold from
	# one run to the next. Hugo gets its own empty cache folder, so it
	# reuses nothing between runs but what marque could reuse too (the
	# files in the OS page cache); marque's image cache, in the kit, is
	# warm after the first build, as it is for a user's every build but
	# the first.
	local marque_argv=("$marque" build -s "$kit" -o "$out_marque")
	local hugo_argv=(hugo --quiet -s "$site" -d "$out_hugo" --cacheDir "$tmp/hugo-cache")
	mkdir -p "$runs"
	# shellcheck disable=SC2016 # expanded by sh -c, at each run
	local fresh='"$(mktemp -d "$RUNS/run.XXXXXX")/public"'
	local marque_run=(sh -c "exec \"\$0\" build -s \"\$1\" -o $fresh" "$marque" "$kit")
	local hugo_run=(sh -c "exec hugo --quiet -s \"\$1\" -d $fresh --cacheDir \"\$2\"" hugo "$site" "$tmp/hugo-cache")
	export RUNS=$runs

	log "build: checking the corpus with marque check"
	local findings
	"$marque" check -s "$kit" --format json >"$tmp/findings.json" 2>"$tmp/check.err" || true
	findings=$(jq -r 'if length == 0 then "none" else group_by(.rule) | map("\(.[0].rule) (\(.[0].severity)) \(length)") | join(", ") end' "$tmp/findings.json" 2>/dev/null) ||
		findings="unknown (marque check printed no JSON)"

	log "build: the first build of each, which fills marque's image cache"
	if ! /usr/bin/time -f %e -o "$tmp/cold" "${marque_argv[@]}" >"$tmp/marque.log" 2>&1; then
		cat "$tmp/marque.log" >&2
		log "marque build failed on the generated corpus; no timing"
		exit 1
	fi
	if ! "${hugo_argv[@]}" >"$tmp/hugo.log" 2>&1; then
		cat "$tmp/hugo.log" >&2
		log "hugo failed on the generated corpus; no timing"
		exit 1
	fi

	rounds build 3 -n marque "$(printf '%q ' "${marque_run[@]}")" -n hugo "$(printf '%q ' "${hugo_run[@]}")"
	rm -rf "$runs"

	log "build: peak memory, one more build of each under /usr/bin/time"
	rm -rf "$out_marque" "$out_hugo"
	/usr/bin/time -f %M -o "$tmp/rss-marque" "${marque_argv[@]}" >/dev/null 2>&1
	/usr/bin/time -f %M -o "$tmp/rss-hugo" "${hugo_argv[@]}" >/dev/null 2>&1

	local med_marque med_hugo
	med_marque=$(stat_of build marque times "$median")
	med_hugo=$(stat_of build hugo times "$median")
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
| median wall time ($(stat_of build marque times length) runs each) | $(secs "$med_marque") | $(secs "$med_hugo") |
| fastest–slowest | $(range_of build marque) | $(range_of build hugo) |
| **ratio marque / hugo, wall time** | **$(ratio "$med_marque" "$med_hugo")** | |
| median CPU time, user + system (one per round) | $(secs "$(cpu_of build marque)") | $(secs "$(cpu_of build hugo)") |
| peak RSS (one run) | $(mib "$(tail -n1 "$tmp/rss-marque")") | $(mib "$(tail -n1 "$tmp/rss-hugo")") |
| HTML files written | $(html_files "$out_marque") | $(html_files "$out_hugo") |
| mean post page | $(post_page "$out_marque") | $(post_page "$out_hugo") |
| output size | $(size "$out_marque") | $(size "$out_hugo") |

- marque's first build, which drew and encoded every image into its cache: $(secs "$(tail -n1 "$tmp/cold")") (not in the table)
- output written to $(df --output=fstype "$outs" | tail -n1)
- marque check on the corpus: $findings
- $(hugo version)
EOF
}

check_table() {
	local ckit=$tmp/checked/kit
	log "check: a copy of the kit with known problems in every ${every}th post"
	mkdir -p "$tmp/checked"
	cp -r "$kit" "$ckit"
	rm -rf "$ckit/.cache"
	"$valekit" plant -kit "$ckit" -every "$every"
	"$valekit" style -kit "$ckit" -out "$tmp/vale"

	local marque_argv=("$marque" check -s "$ckit" --format json)
	local vale_argv=("$vale" --config "$tmp/vale/.vale.ini" --output=JSON --no-exit "$ckit/content")
	# lint is marque's voice pass alone (read the posts, parse their
	# Markdown, check their voice): the part of marque check that does what
	# Vale does.
	local lint_argv=("$valekit" lint -kit "$ckit")

	# marque check exits 1 on the planted errors: that is its answer, not a
	# failure.
	log "check: checking that both tools report the same problems"
	"${marque_argv[@]}" >"$tmp/marque.json" 2>"$tmp/marque.err" || [[ $? == 1 ]] || {
		cat "$tmp/marque.err" >&2
		exit 1
	}
	"${vale_argv[@]}" >"$tmp/vale.json"
	if ! "$valekit" compare -kit "$ckit" -marque "$tmp/marque.json" -vale "$tmp/vale.json" >"$tmp/compare.md"; then
		cat "$tmp/compare.md" >&2
		log "marque and Vale do not report the same problems: no timing"
		exit 1
	fi
	local others
	others=$(jq -r '[.[] | select(.rule | IN("voice.banned", "voice.confidential", "voice.prefer", "voice.sentence-length", "voice.exclamation") | not)]
		| if length == 0 then "none" else group_by(.rule) | map("\(.[0].rule) \(length)") | join(", ") end' "$tmp/marque.json")

	# -i: marque check exits 1 on the planted errors.
	HYPERFINE_FLAGS=-i rounds check 6 \
		-n marque "$(printf '%q ' "${marque_argv[@]}")" -n lint "$(printf '%q ' "${lint_argv[@]}")" \
		-n vale "$(printf '%q ' "${vale_argv[@]}")"

	# GNU time puts "Command exited with non-zero status 1" before the
	# figure when marque reports errors: the figure is the last line.
	log "check: peak memory, one more run of each under /usr/bin/time"
	/usr/bin/time -f %M -o "$tmp/rss-check" "${marque_argv[@]}" >/dev/null 2>&1 || true
	/usr/bin/time -f %M -o "$tmp/rss-lint" "${lint_argv[@]}" >/dev/null 2>&1
	/usr/bin/time -f %M -o "$tmp/rss-vale" "${vale_argv[@]}" >/dev/null 2>&1

	local med_marque med_lint med_vale cpu_marque cpu_lint cpu_vale
	med_marque=$(stat_of check marque times "$median")
	med_lint=$(stat_of check lint times "$median")
	med_vale=$(stat_of check vale times "$median")
	cpu_marque=$(cpu_of check marque)
	cpu_lint=$(cpu_of check lint)
	cpu_vale=$(cpu_of check vale)
	cat <<EOF

## marque check vs Vale, $n posts

Both report the same problems on the rules they share (posts' bodies; Vale
does not read front matter):

$(cat "$tmp/compare.md")

| | marque check | marque's voice pass alone | Vale |
|---|--:|--:|--:|
| median wall time ($(stat_of check marque times length) runs each) | $(secs "$med_marque") | $(secs "$med_lint") | $(secs "$med_vale") |
| fastest–slowest | $(range_of check marque) | $(range_of check lint) | $(range_of check vale) |
| **ratio to Vale, wall time** | **$(ratio "$med_marque" "$med_vale")** | $(ratio "$med_lint" "$med_vale") | 1 |
| median CPU time, user + system (one per round) | $(secs "$cpu_marque") | $(secs "$cpu_lint") | $(secs "$cpu_vale") |
| ratio to Vale, CPU time | $(ratio "$cpu_marque" "$cpu_vale") | $(ratio "$cpu_lint" "$cpu_vale") | 1 |
| peak RSS (one run) | $(mib "$(tail -n1 "$tmp/rss-check")") | $(mib "$(tail -n1 "$tmp/rss-lint")") | $(mib "$(tail -n1 "$tmp/rss-vale")") |

- marque check does more than the shared rules: it loads the whole kit and runs every check (profile, image plan, share texts, calendar, links; the pages are named, each page template run once, not made); its other findings: $others
- marque's voice pass alone is \`valekit lint\`: it reads the posts, parses their Markdown and runs every voice rule, as marque check does, and nothing else
- vale: $("$vale" --version 2>&1 | head -n1)
EOF
}

if want build; then build_table; fi
if want check; then check_table; fi
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
cat <<EOF

- machine: nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $load_start at start, $load_end at end
- marque: $("$marque" version 2>&1 | head -n1) (commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown))
- $(go version)
EOF
