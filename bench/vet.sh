#!/usr/bin/env bash
# Measures what go vet -vettool=sigtermcheck costs compared with a no-op
# vet tool (bench/noop) on real code, with every vet action re-run, and
# prints the ratios sigtermcheck/noop beside the targets (CPU and RSS
# <= 1.10x). See bench/README.md for how to read the output.
#
# Usage: bash bench/vet.sh [-n rounds] [-m KB] [-t sigtermcheck] [-x pkg]... [-d] [-k] [packages]
#
#   -n rounds  timed rounds; the tools are interleaved within each (default 3)
#   -m KB      ulimit -v of every go vet run, in KB; a tool process that
#              needs more fails the run (default 8000000, about 8 GB; 0: no cap)
#   -t BIN     the sigtermcheck binary to measure (default: built from ./cmd/sigtermcheck)
#   -x PKG     drop every listed package that is PKG, imports it, or whose
#              tests import it (repeatable); e.g. -x go/types
#   -d         also measure the default go vet suite, as a reference line
#   -k         keep the temporary directory with the logs of every run
#   packages   what to vet (default: std cmd/trace cmd/pprof ./examples/...)
#
# Every go vet run is go vet -x -json: -json so that diagnostics do not
# fail the run (any non-zero exit is a tool failure), -x so that the
# script can count the tool invocations and check that no vet action was
# answered from the cache.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=3
memcap=8000000
tool=
excludes=()
reference=false
keep=false
while getopts 'n:m:t:x:dkh' opt; do
	case $opt in
	n) rounds=$OPTARG ;;
	m) memcap=$OPTARG ;;
	t) tool=$OPTARG ;;
	x) excludes+=("$OPTARG") ;;
	d) reference=true ;;
	k) keep=true ;;
	*)
		sed -n '/^# Usage/,/^$/s/^# \{0,1\}//p' "$0" >&2
		exit 2
		;;
	esac
done
shift $((OPTIND - 1))
pkgs=("$@")
if ((${#pkgs[@]} == 0)); then
	pkgs=(std cmd/trace cmd/pprof ./examples/...)
fi
if [[ ! -x /usr/bin/time ]]; then
	echo "vet.sh: needs GNU time at /usr/bin/time (apt-get install time)" >&2
	exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/vetbench.XXXXXX")
if $keep; then
	echo "logs in $tmp"
else
	trap 'rm -rf "$tmp"' EXIT
fi

# The tools, built once; each timed run gets a fresh copy of one.
go build -o "$tmp/noop" ./bench/noop
if [[ -n $tool ]]; then
	cp "$tool" "$tmp/sigtermcheck"
else
	go build -o "$tmp/sigtermcheck" ./cmd/sigtermcheck
fi
tools=(noop sigtermcheck)
if $reference; then
	tools+=(vet)
fi

# -x: resolve the patterns to import paths and drop the packages whose
# vetting (of the package or its tests) needs an excluded package.
if ((${#excludes[@]} > 0)); then
	mapfile -t pkgs < <(go list -test -f '{{.ImportPath}}|{{.ForTest}}|{{join .Deps " "}}' "${pkgs[@]}" |
		awk -F'|' -v xs="${excludes[*]}" '
			BEGIN { split(xs, x, " ") }
			{
				root = $2
				if (root == "") { root = $1; sub(/\.test$/, "", root) }
				all[root] = 1
				n = split($3, deps, " ")
				deps[n + 1] = $1
				for (i = 1; i <= n + 1; i++) for (j in x) if (deps[i] == x[j]) drop[root] = 1
			}
			END { for (r in all) if (!(r in drop)) print r }' | sort)
	echo "vet.sh: -x ${excludes[*]}: vetting ${#pkgs[@]} packages" >&2
fi

# run TOOL LABEL vets the packages once with a fresh copy of TOOL under
# the memory cap. It sets cpu, wall, rss (KB) and actions (the number of
# times the tool was run on a package), and exits the script with the
# failing packages if go vet fails.
run() {
	local name=$1 label=$2 log=$tmp/$2 copy flags=()
	case $name in
	vet)
		# cmd/vet's -V=full is its Go version, not a hash of the
		# executable, so a copy does not change the cache key; an
		# unused -printf.funcs name does, at no cost.
		copy=$(go env GOTOOLDIR)/vet
		flags=(-printf.funcs="vetbench$RANDOM$RANDOM")
		;;
	*)
		# x/tools tools report the sha256 of their executable as
		# their -V=full id, which go vet puts in every vet action's
		# cache key: a few random bytes at the end make a new id.
		copy=$tmp/$label
		cp "$tmp/$name" "$copy"
		head -c 16 /dev/urandom >>"$copy"
		flags=(-vettool="$copy")
		;;
	esac
	local status=0
	(
		if [[ $memcap != 0 ]]; then
			ulimit -v "$memcap"
		fi
		exec /usr/bin/time -o "$log.time" -f '%U %S %e %M' \
			go vet -x -json "${flags[@]}" "${pkgs[@]}" >"$log.out" 2>"$log.err"
	) || status=$?
	if ((status != 0)); then
		echo "vet.sh: $name: go vet failed (exit $status, memory cap ${memcap} KB per process; -m sets it)" >&2
		# Tool output follows a "# importpath" line; with -x, so does
		# each importcfg, which is not a failure.
		awk '
			/^# / && $0 != "# import config" { pkg = substr($0, 3); n++; next }
			pkg != "" && NF > 0 { printf "  %s: %s\n", pkg, $0; pkg = "" }
			END { if (n == 0) print "  (no package named; see the log with -k)" }
		' "$log.err" >&2
		grep -h -m1 -E 'signal: killed|out of memory|cannot allocate' "$log.err" >/dev/null &&
			echo "vet.sh: a tool ran out of memory under the cap" >&2
		exit 1
	fi
	read -r user sys wall rss < <(tail -n 1 "$log.time")
	cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
	actions=$(awk -v t="$copy " 'index($0, t) && /vet\.cfg$/ && !/^cat /' "$log.err" | wc -l)
	local compiles
	compiles=$(grep -c '/compile -o' "$log.err" || true)
	if ((compiles > 0)) && [[ $label != warmup* ]]; then
		echo "vet.sh: warning: $label compiled $compiles packages: the build cache was not warm" >&2
	fi
}

# The warm-up run fills the build cache (export data of every package)
# and counts the vet actions, which every timed run must re-run.
run noop warmup
want=$actions
if ((want == 0)); then
	echo "vet.sh: the warm-up run ran no vet action" >&2
	exit 1
fi
echo "go vet -json ${pkgs[*]:0:8}$( ((${#pkgs[@]} > 8)) && echo " ... (${#pkgs[@]} patterns)")"
echo "$want vet actions per run, $rounds rounds, memory cap $memcap KB per process"
echo
printf '%-5s %-13s %9s %9s %11s %8s\n' round tool 'cpu(s)' 'wall(s)' 'maxrss(MB)' actions
results=$tmp/results
: >"$results"
for ((r = 1; r <= rounds; r++)); do
	for name in "${tools[@]}"; do
		run "$name" "$name.$r"
		if ((actions != want)); then
			echo "vet.sh: $name ran $actions vet actions, want $want: results came from the vet cache" >&2
			exit 1
		fi
		printf '%-5s %-13s %9.2f %9.2f %11d %8d\n' "$r" "$name" "$cpu" "$wall" "$(((rss + 512) / 1024))" "$actions"
		echo "$r $name $cpu $wall $rss" >>"$results"
	done
done

# The ratios are medians of the per-round ratios: each round runs the
# tools back to back, so a round's ratio is the least disturbed by a
# machine whose load changes over minutes.
echo
awk -v reference="$reference" '
	function median(a, n,   i, j, t) {
		for (i = 2; i <= n; i++)
			for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
		return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
	}
	function verdict(x, target) { return x <= target ? "ok" : "over" }
	{ cpu[$2, $1] = $3; wall[$2, $1] = $4; rss[$2, $1] = $5; rounds = $1 > rounds ? $1 : rounds }
	function line(name, label, targets,   r, c, w, m) {
		for (r = 1; r <= rounds; r++) {
			c[r] = cpu[name, r] / cpu["noop", r]
			w[r] = wall[name, r] / wall["noop", r]
			m[r] = rss[name, r] / rss["noop", r]
		}
		c[0] = median(c, rounds); w[0] = median(w, rounds); m[0] = median(m, rounds)
		if (targets)
			printf "%-22s CPU %.2fx (target <= 1.10x: %s)  RSS %.2fx (target <= 1.10x: %s)  wall %.2fx\n",
				label, c[0], verdict(c[0], 1.10), m[0], verdict(m[0], 1.10), w[0]
		else
			printf "%-22s CPU %.2fx  RSS %.2fx  wall %.2fx  (reference, no target)\n", label, c[0], m[0], w[0]
	}
	END {
		for (n = 1; n <= rounds; n++) { c[n] = cpu["noop", n]; w[n] = wall["noop", n]; m[n] = rss["noop", n] }
		printf "noop (median)          CPU %.2fs  RSS %.0f MB  wall %.2fs\n", median(c, rounds), median(m, rounds) / 1024, median(w, rounds)
		line("sigtermcheck", "sigtermcheck/noop", 1)
		if (reference == "true") line("vet", "default go vet/noop", 0)
	}' "$results"
