#!/usr/bin/env bash
# Installs whichever of the Debian packages PKG... is missing, with
# apt-get (after apt-get update), and says on the console which ones and
# why before it does:
#
#   scripts/install-deps.sh [--who NAME] PKG...
#
# NAME (default "escape") starts the messages.  Nothing is printed when
# every package is installed.  Not as root, it prints the apt-get command
# to run instead and exits 1.  Exits 1 if apt-get fails.

set -u

who=escape
if [ "${1-}" = --who ] && [ $# -ge 2 ]; then
	who=$2
	shift 2
fi

# Why the project needs PKG: what would fail without it.
why() {
	case $1 in
	gcc-12-plugin-dev) echo "GCC 12's plugin headers, to build plugin/escape.so" ;;
	dejagnu) echo "runtest, which runs the testsuite (make check)" ;;
	python3) echo "runs scripts/escape-report, the fuzzer and the build checks of the testsuite" ;;
	gdb) echo "the testsuite's escape.gdb test prints a moved object in gdb" ;;
	tcl) echo "tclsh, which reads the directives of GCC's torture tests (scripts/check-torture.sh)" ;;
	gcc-12-source) echo "GCC 12's torture tests, run with and without the plugin (scripts/check-torture.sh)" ;;
	ccache) echo "the testsuite's build checks run ccache on examples/multi (scripts/check-builds.sh)" ;;
	distcc) echo "the testsuite's build checks run distcc and a local distccd (scripts/check-builds.sh)" ;;
	chromium) echo "headless Chromium loads escape-report's HTML view (scripts/test-html-report.sh)" ;;
	debootstrap) echo "builds the bare Debian root of make check-fresh (scripts/make-root.sh)" ;;
	valgrind) echo "runs cc1 with the plugin under valgrind (scripts/check-valgrind.sh)" ;;
	*) echo "needed by $who" ;;
	esac
}

missing=()
for pkg in "$@"; do
	dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "$who: installing ${#missing[@]} missing Debian package(s) with apt-get:"
for pkg in "${missing[@]}"; do
	printf '%s:   %-18s %s\n' "$who" "$pkg" "$(why "$pkg")"
done
if [ "$(id -u)" -ne 0 ]; then
	echo "$who: not root; as root, run: apt-get update && apt-get install ${missing[*]}" >&2
	exit 1
fi
echo "$who: apt-get update"
if ! apt-get update -qq; then
	echo "$who: apt-get update failed" >&2
	exit 1
fi
echo "$who: apt-get install ${missing[*]}"
# Errors (and debconf's questions, answered by default) still show.
if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; then
	echo "$who: apt-get install ${missing[*]} failed" >&2
	exit 1
fi
echo "$who: installed ${missing[*]}"
