#!/usr/bin/env bash
# Checks the framework programs of the analyzer's tests against the real
# frameworks, not the stubs of testdata/src. Opt-in: it is not part of
# `go test ./...` and needs the Go module proxy. See realworld/README.md.
#
#   bash realworld/frameworks.sh         run the three steps below
#   bash realworld/frameworks.sh -tidy   first rewrite realworld/frameworks/go.mod
#                                        and go.sum with go mod tidy (after
#                                        changing a version there)
#
# The programs are testdata/src/<check>/frameworks/*/main.go and
# testdata/src/frameworksok/*/main.go, except those that only make sense
# against testdata: frameworksok/lookalike and frameworksok/grpcwrap import
# packages of testdata, and exitinhandler/frameworks/echov5 uses a stub
# that keeps only echo v5's lack of Shutdown (the real v5's Start also
# handles signals itself). They are copied, at their testdata/src
# paths, into a scratch module made from realworld/frameworks/go.mod and
# go.sum, which pin the framework versions the stubs copy. Then:
#   1. go build ./...: the programs compile against the real modules;
#   2. sigtermcheck -json ./...: every diagnostic matches a `// want` of
#      its line, and every `// want` is matched (frameworksok: no reports);
#   3. the same with each main.go.golden (the program after the suggested
#      fixes) in place of its main.go: it compiles, and nothing is reported.
#
# Environment:
#   SIGTERMCHECK_BIN            scan with this binary instead of building the repo's
#   GOMODCACHE, GOCACHE, GOPROXY as for the go command
#
# Exit status: 0 when all three steps pass, 1 when one fails, 2 on a usage
# or setup error.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
src=$repo/testdata/src
template=$here/frameworks

tidy=0
for arg in "$@"; do
	case $arg in
	-tidy | --tidy) tidy=1 ;;
	-h | -help | --help)
		sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'
		exit 0
		;;
	*)
		echo "frameworks.sh: unknown argument $arg (try -help)" >&2
		exit 2
		;;
	esac
done

work=$(mktemp -d "${TMPDIR:-/tmp}/sigtermcheck-fw.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
work=$(cd "$work" && pwd -P) # the paths sigtermcheck prints
start=$SECONDS

# The tools are built with the repo's own settings.
bin=${SIGTERMCHECK_BIN:-$work/sigtermcheck}
if [ -z "${SIGTERMCHECK_BIN:-}" ]; then
	echo "building sigtermcheck from $repo"
	(cd "$repo" && GOFLAGS='' go build -o "$bin" ./cmd/sigtermcheck) || {
		echo "frameworks.sh: building sigtermcheck failed" >&2
		exit 2
	}
fi
rwtool=$work/rwtool
(cd "$here" && GOFLAGS='' go build -o "$rwtool" ./rwtool.go) || {
	echo "frameworks.sh: building rwtool failed" >&2
	exit 2
}

# The scratch modules use the template as it is (no -mod=mod): a program
# that needs a module the template lacks fails the build, asking for -tidy.
export GOFLAGS=-mod=readonly GOTOOLCHAIN=local GOWORK=off GO111MODULE=on
modcache=$(go env GOMODCACHE)

programs=()
for f in "$src"/*/frameworks/*/main.go "$src"/frameworksok/*/main.go; do
	p=${f#"$src/"}
	p=${p%/main.go}
	case $p in
	frameworksok/lookalike | frameworksok/grpcwrap | exitinhandler/frameworks/echov5) ;;
	*) programs+=("$p") ;;
	esac
done

# scratch DIR FILE makes the scratch module DIR, with the FILE (main.go or
# main.go.golden) of every program that has one as its main.go, and sets
# file to FILE for show.
scratch() {
	local p
	mkdir -p "$1" && cp "$template/go.mod" "$template/go.sum" "$1/" || exit 2
	for p in "${programs[@]}"; do
		[ -f "$src/$p/$2" ] || continue
		mkdir -p "$1/$p" && cp "$src/$p/$2" "$1/$p/main.go" || exit 2
	done
	file=$2
}

# show FILE prints the go command's or sigtermcheck's output, indented,
# with the paths of the scratch module's files as under testdata/src.
show() {
	sed -e "s|$work/[a-z]*/||g" -e "s|/main\.go:|/$file:|g" -e 's/^/  /' "$1"
}

# build DIR runs go build ./... in DIR, printing its errors if it fails.
build() {
	local t0=$SECONDS
	if (cd "$1" && go build ./...) >"$1.build" 2>&1; then
		echo "ok: go build ./... ($((SECONDS - t0))s)"
		return 0
	fi
	echo "FAIL: go build ./... in the scratch module:"
	show "$1.build"
	if grep -q -e 'go mod tidy' -e 'go.sum' -e 'no required module' "$1.build"; then
		echo "  (is realworld/frameworks/go.mod out of date? try -tidy)"
	fi
	return 1
}

# check DIR runs sigtermcheck -json ./... in DIR, writing DIR.json.
check() {
	local t0=$SECONDS rc=0
	(cd "$1" && "$bin" -json ./...) >"$1.json" 2>"$1.err" || rc=$?
	if [ $rc -ne 0 ]; then
		echo "FAIL: sigtermcheck exited $rc:"
		show "$1.err"
		return 1
	fi
	echo "ok: sigtermcheck -json ./... ($((SECONDS - t0))s)"
}

failed=0

echo
echo "== 1. the ${#programs[@]} programs compile against the real modules"
scratch "$work/programs" main.go
if [ $tidy -eq 1 ]; then
	(cd "$work/programs" && GOFLAGS=-mod=mod go mod tidy) &&
		cp "$work/programs/go.mod" "$work/programs/go.sum" "$template/" || exit 2
	echo "rewrote $template/go.mod and go.sum"
fi
build "$work/programs" || failed=1

echo
echo "== 2. sigtermcheck reports what their // want comments say"
check "$work/programs" || failed=1
if "$rwtool" wants "$work/programs" <"$work/programs.json" >"$work/wants"; then
	echo "ok: $(grep -c . "$work/wants") diagnostics, each matching a // want of its line, and no // want unmatched"
else
	failed=1
	echo "FAIL: the diagnostics differ from the // want comments"
	echo "('-' wanted but not reported, '+' reported but not wanted, ' ' as wanted):"
	show "$work/wants"
fi

echo
echo "== 3. the fixed programs (main.go.golden) compile, and nothing is reported"
scratch "$work/fixed" main.go.golden
echo "$(find "$work/fixed" -name main.go | wc -l) programs have a main.go.golden"
build "$work/fixed" || failed=1
check "$work/fixed" || failed=1
"$rwtool" findings - "$work/fixed" "$modcache" <"$work/fixed.json" >"$work/fixed.out" || failed=1
if [ -s "$work/fixed.out" ]; then
	failed=1
	echo "FAIL: sigtermcheck reports on the fixed programs:"
	sed 's/^- //' "$work/fixed.out" >"$work/fixed.txt"
	show "$work/fixed.txt"
else
	echo "ok: nothing reported"
fi

echo
if [ $failed -eq 0 ]; then
	echo "OK: the framework programs agree with the real modules ($((SECONDS - start))s)"
	exit 0
fi
echo "FAIL: see above ($((SECONDS - start))s)"
exit 1
