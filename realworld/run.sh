#!/usr/bin/env bash
# Real-world regression harness for sigtermcheck. Opt-in: it is not part of
# `go test ./...` and needs the Go module proxy. See realworld/README.md.
#
#   bash realworld/run.sh                 scan every program of programs.txt and
#                                         diff the findings against expected.txt
#   bash realworld/run.sh -update         the same, then rewrite expected.txt
#   bash realworld/run.sh WORD...         only the programs whose line in
#                                         programs.txt contains one of the words
#                                         (-update then rewrites only their lines)
#   bash realworld/run.sh -vet            scan through go vet -vettool instead
#                                         of the standalone driver: the way CI
#                                         runs it, one package at a time with
#                                         facts (any tool failure is an ERROR)
#
# Besides the diff, it prints a score per check against truth.txt, the
# ground truth found by reading each program's code (see TRIAGE.md).
#
# Environment:
#   SIGTERMCHECK_RW_CACHE  where the scratch modules live, reused across runs
#                          (default: ${XDG_CACHE_HOME:-~/.cache}/sigtermcheck-realworld)
#   SIGTERMCHECK_BIN       scan with this binary instead of building the repo's
#   JOBS                   programs scanned at once (default: 2)
#   GOMODCACHE, GOPROXY    as for the go command
#
# Each program gets its own scratch module that requires only it, so that
# its dependencies resolve to the versions its own go.mod asks for (one
# module for all programs would upgrade shared dependencies and break some
# of them). Exit status: 0 when the findings match expected.txt (or with
# -update), 1 when they differ, 2 on a usage or setup error.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
programs=$here/programs.txt
expected=$here/expected.txt

update=0
vet=0
filters=()
for arg in "$@"; do
	case $arg in
	-update | --update) update=1 ;;
	-vet | --vet) vet=1 ;;
	-h | -help | --help)
		sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'
		exit 0
		;;
	-*)
		echo "run.sh: unknown flag $arg (try -help)" >&2
		exit 2
		;;
	*) filters+=("$arg") ;;
	esac
done

cache=${SIGTERMCHECK_RW_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sigtermcheck-realworld}
jobs=${JOBS:-2}
mkdir -p "$cache/bin" "$cache/mods" || exit 2
work=$(mktemp -d "${TMPDIR:-/tmp}/sigtermcheck-rw.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
start=$SECONDS

# The tools are built with the repo's own settings; everything after
# runs in scratch modules, which -mod=mod lets go get and go list update.
if [ -n "${SIGTERMCHECK_BIN:-}" ]; then
	bin=$SIGTERMCHECK_BIN
else
	bin=$cache/bin/sigtermcheck
	echo "building sigtermcheck from $repo"
	(cd "$repo" && GOFLAGS= go build -o "$bin" ./cmd/sigtermcheck) || {
		echo "run.sh: building sigtermcheck failed" >&2
		exit 2
	}
fi
(cd "$here" && GOFLAGS= go build -o "$cache/bin/rwtool" ./rwtool.go) || {
	echo "run.sh: building rwtool failed" >&2
	exit 2
}
rwtool=$cache/bin/rwtool

export GOFLAGS=-mod=mod GOTOOLCHAIN=local GOWORK=off GO111MODULE=on
modcache=$(go env GOMODCACHE)

# normalize makes an error message machine-independent and one line long
# (the sizes in an out-of-memory message vary from run to run).
normalize() {
	sed -e "s|$modcache/|\$GOMODCACHE/|g" -e "s|$cache/mods/[^/ :]*|<scratch>|g" -e "s|$work/|<work>/|g" \
		-e 's/cannot allocate [0-9]*-byte block ([0-9]* in use)/cannot allocate N-byte block (N in use)/' |
		tr '\n\t' '  ' | sed -e 's/  */ /g' -e 's/ $//' | cut -c1-400
}

# goerrors keeps the lines of go command output that say what went wrong.
goerrors() {
	grep -v -E '^go: (downloading|added|upgraded|downgraded|finding|found|removed) ' "$1" | head -n 4 | normalize
}

# scan_one MODULE@VERSION PKG... writes the program's normalized findings
# (or ERROR lines) to $work/out.<index> and its log to $work/log.<index>.
scan_one() {
	local idx=$1 modver=$2
	shift 2
	local mod=${modver%@*} ver=${modver##*@}
	local out=$work/out.$idx log=$work/log.$idx
	local scratch=$cache/mods/${modver//\//_}
	local stamp="$modver $*"
	: >"$out"

	# Resolve once; the stamp records what was resolved.
	if [ "$(cat "$scratch/.stamp" 2>/dev/null)" != "$stamp" ]; then
		rm -rf "$scratch" && mkdir -p "$scratch"
		local gets=()
		for p in "$@"; do gets+=("$mod${p#.}@$ver"); done
		if ! (cd "$scratch" &&
			go mod init realworld.invalid/scratch &&
			go mod edit -require="$modver" &&
			go get "${gets[@]}") >"$log" 2>&1; then
			echo "$modver ERROR: go get failed: $(goerrors "$log")" >"$out"
			return
		fi
		# The program's own replace directives (go get ignores them in
		# a dependency, but they are part of how the program is built).
		local moddir reps
		moddir=$(cd "$scratch" && go list -m -f '{{.Dir}}' "$mod")
		reps=$("$rwtool" replaces "$moddir/go.mod" 2>>"$log")
		if [ -n "$reps" ]; then
			# shellcheck disable=SC2086 # one flag per line
			if ! (cd "$scratch" && go mod edit $reps && go get "${gets[@]}") >>"$log" 2>&1; then
				echo "$modver ERROR: go get with the program's replace directives failed: $(goerrors "$log")" >"$out"
				return
			fi
		fi
		echo "$stamp" >"$scratch/.stamp"
	fi

	local moddir pkgs=()
	moddir=$(cd "$scratch" && go list -m -f '{{.Dir}}' "$mod" 2>>"$log") || {
		echo "$modver ERROR: module not found: $(goerrors "$log")" >"$out"
		return
	}
	for p in "$@"; do pkgs+=("$mod${p#.}"); done
	local rc=0
	if [ $vet -eq 1 ]; then
		# go vet -json: diagnostics do not fail the run, so any other
		# exit status is a tool failure. (Vet also reads the packages'
		# test files; the standalone scan does not.)
		(cd "$scratch" && go vet -vettool="$bin" -json "${pkgs[@]}") >"$work/json.$idx" 2>"$work/err.$idx" || rc=$?
	else
		(cd "$scratch" && "$bin" -json -test=false "${pkgs[@]}") >"$work/json.$idx" 2>"$work/err.$idx" || rc=$?
	fi
	cat "$work/err.$idx" >>"$log"
	if [ $rc -ne 0 ]; then
		# Load or type errors, or a tool failure: the packages were not
		# (all) analyzed.
		local tool=sigtermcheck
		[ $vet -eq 0 ] || tool="go vet -vettool"
		echo "$modver ERROR: $tool exited $rc: $(grep -v '^#' "$work/err.$idx" | head -n 3 | normalize)" >>"$out"
	fi
	if [ -s "$work/json.$idx" ]; then
		"$rwtool" findings "$modver" "$moddir" "$modcache" <"$work/json.$idx" >>"$out" 2>>"$log" ||
			echo "$modver ERROR: could not read sigtermcheck -json output" >>"$out"
	elif [ $rc -eq 0 ]; then
		echo "$modver ERROR: sigtermcheck printed no JSON" >>"$out"
	fi
}

# scan_timed runs scan_one and says how long it took and how it went.
scan_timed() {
	local t0=$SECONDS out=$work/out.$1
	scan_one "$@"
	echo "  done $2 in $((SECONDS - t0))s: $(grep -vc ' ERROR: ' "$out") findings, $(grep -c ' ERROR: ' "$out") errors"
}

# Read the program list: MODULE@VERSION PKG... per line, # comments.
selected=()
n=0
while read -r modver pkgs; do
	case $modver in '' | '#'*) continue ;; esac
	if [ ${#filters[@]} -gt 0 ]; then
		keep=0
		for f in "${filters[@]}"; do [[ "$modver $pkgs" == *"$f"* ]] && keep=1; done
		[ $keep -eq 1 ] || continue
	fi
	if [[ $modver != *@v* ]] || [ -z "$pkgs" ]; then
		echo "run.sh: programs.txt: bad line: $modver $pkgs" >&2
		exit 2
	fi
	selected+=("$modver")
	n=$((n + 1))
	echo "scanning $modver $pkgs"
	# shellcheck disable=SC2086 # pkgs is a list
	scan_timed "$n" "$modver" $pkgs &
	while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n; done
done <"$programs"
wait
if [ $n -eq 0 ]; then
	echo "run.sh: no program selected" >&2
	exit 2
fi

export LC_ALL=C
for i in $(seq 1 $n); do cat "$work/out.$i"; done | sort -u >"$work/actual"

# The expected lines of the selected programs.
printf '%s\n' "${selected[@]}" >"$work/selected"
touch "$expected"
awk 'NR==FNR { sel[$1]; next } ($1 in sel)' "$work/selected" "$expected" | sort -u >"$work/expected"

# Summary.
errors=$(grep -c ' ERROR: ' "$work/actual")
echo
echo "== summary ($((SECONDS - start))s)"
echo "programs scanned: $n ($(grep ' ERROR: ' "$work/actual" | cut -d' ' -f1 | sort -u | wc -l) with errors)"
echo "findings per check:"
grep -v ' ERROR: ' "$work/actual" | awk '{ sub(":$", "", $3); c[$3]++ } END { for (k in c) printf "  %-28s %d\n", k, c[k] }' | sort
echo "  total                        $(grep -vc ' ERROR: ' "$work/actual")"
[ "$errors" -eq 0 ] || {
	echo "errors:"
	grep ' ERROR: ' "$work/actual" | sed 's/^/  /'
}

# Score against the ground truth (truth.txt, made by reading the code; see
# TRIAGE.md): what a correct analyzer reports, independent of expected.txt.
if [ -f "$here/truth.txt" ]; then
	echo "score against truth.txt:"
	"$rwtool" score "$here/truth.txt" "$work/selected" <"$work/actual" || echo "run.sh: scoring failed" >&2
fi

if [ $update -eq 1 ]; then
	{
		awk 'NR==FNR { sel[$1]; next } !($1 in sel)' "$work/selected" "$expected"
		cat "$work/actual"
	} | sort -u >"$work/new"
	cp "$work/new" "$expected"
	echo
	echo "updated $expected"
	exit 0
fi
echo
if diff -u --label expected.txt --label actual "$work/expected" "$work/actual" >"$work/diff"; then
	echo "OK: findings match expected.txt"
	exit 0
fi
cat "$work/diff"
echo
echo "FAIL: findings differ from expected.txt (bash realworld/run.sh -update to accept them)"
exit 1
