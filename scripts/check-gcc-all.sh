#!/usr/bin/env bash
# The plugin with every supported GCC, each in the Debian release that
# ships it:
#
#   scripts/check-gcc-all.sh [--levels LEVELS] [--no-torture] [--no-cache] [N...]
#
#   GCC   Debian release      root (made by scripts/make-root.sh)
#   11    12 (bookworm)       build/gcc-all/roots/bookworm
#   12    12 (bookworm)       build/gcc-all/roots/bookworm
#   13    13 (trixie)         build/gcc-all/roots/trixie
#   14    13 (trixie)         build/gcc-all/roots/trixie
#   15    unstable (sid)      build/gcc-all/roots/sid
#   16    unstable (sid)      build/gcc-all/roots/sid
#
# N... picks compilers among these (default: all six).  A root that is
# missing is made with scripts/make-root.sh: debootstrap --variant=minbase
# and the packages that make check needs for its compilers (gcc-N, g++-N,
# gcc-N-plugin-dev, gcc-N-source, make, dejagnu, ...), from the tarball
# build/roots/SUITE-gcc-....tar.gz when an earlier run left one; with
# --no-cache no tarball is read or written (for a machine that runs this
# once: writing one takes minutes).  The roots needed are made at the same
# time, at the start.
#
# For each compiler, the working tree of this checkout (what git tracks
# or would, uncommitted changes included) is copied to /root/escape-gcc-N
# in its root, and there, with chroot (scripts/root-run.sh):
#   make GCC=gcc-N && make check GCC=gcc-N
#   scripts/check-torture.sh --subset malloc --levels LEVELS   (GCC=gcc-N)
# the torture tests that allocate, of that GCC's own gcc-N-source, with
# and without the plugin at LEVELS (default -O0 -O1 -O2 -O3 -Os);
# --no-torture leaves this out.  Logs, the DejaGnu summary and the torture
# results are kept in build/gcc-all/gcc-N/.
#
# Prints one line per compiler: its version, make check's counts, the
# torture runs compared and their differences, and the allocation sites
# the plugin saw and moved on the torture files at -O2.  Then, last,
# "N passed, M failed, K skipped" over all of them: DejaGnu's passes
# (with expected failures), failures (with unexpected successes and
# unresolved tests) and skips (unsupported and untested), plus one result
# per torture comparison, and one failure per compiler whose root could
# not be made or whose plugin did not build.  Exits 1 if M > 0, 2 if it
# cannot run at all.  Needs root (debootstrap, chroot).

set -u

repo=$(cd "$(dirname "$0")/.." && pwd)
scripts=$repo/scripts
out=$repo/build/gcc-all
levels="-O0 -O1 -O2 -O3 -Os"
torture=true
cache=true

die() {
	echo "check-gcc-all: $*" >&2
	exit 2
}
usage() {
	sed -n '5p' "$0" | sed 's/^# *//' >&2
	exit 2
}

# The Debian release of each compiler.
suite_of() {
	case $1 in
	11 | 12) echo bookworm ;;
	13 | 14) echo trixie ;;
	15 | 16) echo sid ;;
	*) return 1 ;;
	esac
}

versions=()
suites=()
declare -A compilers=() root_job=() root_ok=()
total_pass=0
total_fail=0
total_skip=0
summaries=()

# Reads the options and compilers; plans the roots.
parse_args() {
	local n s
	while [ $# -gt 0 ]; do
		case $1 in
		--levels) [ $# -ge 2 ] || usage; levels=$2; shift 2 ;;
		--no-torture) torture=false; shift ;;
		--no-cache) cache=false; shift ;;
		-*) usage ;;
		*)
			suite_of "$1" >/dev/null || die "no GCC $1 here; the supported ones are 11 to 16"
			versions+=("$1")
			shift
			;;
		esac
	done
	[ ${#versions[@]} -gt 0 ] || versions=(11 12 13 14 15 16)
	[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot)"
	git -C "$repo" rev-parse --verify -q HEAD >/dev/null || die "$repo is no git checkout"

	# The roots needed, and the compilers of each.
	for n in "${versions[@]}"; do
		s=$(suite_of "$n")
		[ -n "${compilers[$s]-}" ] || suites+=("$s")
		compilers[$s]="${compilers[$s]-} $n"
	done
}

# What make check and check-torture need in a root for compilers N...
# (the Makefile's DEPS_PKGS for each, and make itself).
root_packages() {
	local n
	echo make xz-utils libc6-dev dejagnu python3 gdb tcl ccache distcc
	for n in "$@"; do
		echo "gcc-$n" "g++-$n" "gcc-$n-plugin-dev" "gcc-$n-source"
	done
}

# Nothing may stay mounted in a root that is deleted (see check-fresh.sh).
clear_root() {
	local root=$1 m
	[ -d "$root" ] || return 0
	for m in $(findmnt -rn -o TARGET | grep -F "$root/" | sort -r); do
		umount -R "$m" 2>/dev/null || umount -R -l "$m"
	done
	findmnt -rn -o TARGET | grep -qF "$root/" && return 1
	rm -rf --one-file-system "$root"
}

# Makes the root of SUITE unless it is there with the same packages; its
# output goes to $out/root-SUITE.log.  Run in the background.
make_root() {
	local suite=$1 root=$out/roots/$1 packages key tarball=()
	# shellcheck disable=SC2086 # one package per word
	packages=$(root_packages ${compilers[$suite]} | tr ' ' '\n' | sort -u | tr '\n' ' ')
	if [ -f "$root/etc/escape-root-packages" ] &&
		[ "$(cat "$root/etc/escape-root-packages")" = "$packages" ]; then
		echo "check-gcc-all: $suite root in $root is ready"
		return 0
	fi
	if $cache; then
		key=$(printf '%s' "$packages" | sha256sum | cut -c1-8)
		# shellcheck disable=SC2086 # one compiler per word
		tarball=(--cache "$repo/build/roots/$suite-gcc$(printf -- '-%s' ${compilers[$suite]})-$key.tar.gz")
	fi
	clear_root "$root" || { echo "check-gcc-all: something is still mounted in $root"; return 1; }
	# shellcheck disable=SC2086 # one package per word
	"$scripts/make-root.sh" "${tarball[@]}" "$suite" "$root" $packages || return 1
	printf '%s' "$packages" >"$root/etc/escape-root-packages"
}

# Debootstrap and apt-get of several roots at once; debootstrap first, so
# that the roots do not race for the host's dpkg lock to install it.
start_roots() {
	local s
	if ! command -v debootstrap >/dev/null; then
		"$scripts/install-deps.sh" --who check-gcc-all debootstrap || die "could not install debootstrap"
	fi
	for s in "${suites[@]}"; do
		echo "check-gcc-all: making the $s root for GCC${compilers[$s]} (log: $out/root-$s.log)"
		rm -f "$out/root-$s.status"
		{
			make_root "$s" >"$out/root-$s.log" 2>&1
			echo $? >"$out/root-$s.status"
		} &
		root_job[$s]=$!
	done
}

# The job's status comes from a file, not from wait: a root waited for
# after half an hour of tests may have had its PID reused by a later child,
# and then bash has forgotten the job's status ("not a child of this shell").
root_ready() {
	local s=$1
	if [ -z "${root_ok[$s]-}" ]; then
		wait "${root_job[$s]}" 2>/dev/null
		if [ "$(cat "$out/root-$s.status" 2>/dev/null)" = 0 ]; then
			root_ok[$s]=yes
		else
			root_ok[$s]=no
			echo "check-gcc-all: could not make the $s root:" >&2
			tail -5 "$out/root-$s.log" >&2
		fi
	fi
	[ "${root_ok[$s]}" = yes ]
}

# The files of the working tree: tracked, or untracked and not ignored.
copy_tree() {
	local dest=$1
	rm -rf "$dest"
	mkdir -p "$dest"
	(cd "$repo" && git ls-files -z --cached --others --exclude-standard |
		while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
		tar --null -T - -cf -) | tar -xf - -C "$dest"
}

# "# of WHAT" in the DejaGnu summary SUM.
count() {
	awk -v what="# of $2" 'index($0, what) == 1 { n += $NF } END { print n + 0 }' "$1" 2>/dev/null || echo 0
}

status_line() {
	summaries+=("$1")
	echo "check-gcc-all: $1"
}

# make check and the torture comparison with GCC N, in its root.
test_compiler() {
	local n=$1 s root log version tree started check_status check_time sum p f k line
	local torture_status torture_time last sites
	s=$(suite_of "$n")
	root=$out/roots/$s
	log=$out/gcc-$n
	rm -rf "$log"
	mkdir -p "$log"
	if ! root_ready "$s"; then
		total_fail=$((total_fail + 1))
		status_line "gcc-$n: FAIL: no $s root (see $out/root-$s.log)"
		return
	fi
	version=$("$scripts/root-run.sh" "$root" "gcc-$n" -dumpfullversion 2>/dev/null)
	tree=/root/escape-gcc-$n
	copy_tree "$root$tree"
	echo "check-gcc-all: gcc-$n $version ($s): make check (log: $log/check.log)"
	started=$SECONDS
	# shellcheck disable=SC2016 # $1 and $2 are for sh -c
	"$scripts/root-run.sh" "$root" sh -c 'cd "$1" && make GCC="$2" && make check GCC="$2"' \
		sh "$tree" "gcc-$n" >"$log/check.log" 2>&1
	check_status=$?
	check_time=$((SECONDS - started))
	sum=$root$tree/testsuite/escape.sum
	if [ ! -f "$root$tree/plugin/escape.so" ]; then
		total_fail=$((total_fail + 1))
		status_line "gcc-$n $version: FAIL: the plugin did not build (see $log/check.log)"
		return
	fi
	cp "$sum" "$log/escape.sum" 2>/dev/null
	p=$(($(count "$sum" "expected passes") + $(count "$sum" "expected failures")))
	# A test DejaGnu could not set up shows only as an ERROR line.
	f=$(($(count "$sum" "unexpected failures") + $(count "$sum" "unexpected successes") +
		$(count "$sum" "unresolved testcases") + $(grep -c '^ERROR: ' "$sum")))
	k=$(($(count "$sum" "unsupported tests") + $(count "$sum" "untested testcases")))
	if [ "$check_status" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1 # make check failed, yet no test did: count that
	fi
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
	total_skip=$((total_skip + k))
	line="gcc-$n $version: make check $p passed, $f failed, $k skipped (${check_time}s)"
	grep -E '^(FAIL|XPASS|UNRESOLVED): ' "$sum" 2>/dev/null | sed "s/^/check-gcc-all: gcc-$n: /"

	if $torture; then
		echo "check-gcc-all: gcc-$n: torture tests that allocate at $levels (log: $log/torture.log)"
		started=$SECONDS
		"$scripts/root-run.sh" "$root" env GCC="gcc-$n" "$tree/scripts/check-torture.sh" \
			--subset malloc --levels "$levels" >"$log/torture.log" 2>&1
		torture_status=$?
		torture_time=$((SECONDS - started))
		cp "$root$tree/build/torture/work/results" "$log/torture-results" 2>/dev/null
		last=$(tail -1 "$log/torture.log")
		sites=$(sed -n 's/^allocation sites: \([0-9]*\) seen, \([0-9]*\) to stack.*/\1 seen, \2 moved/p' "$log/torture.log")
		if [ "$torture_status" -eq 0 ] && [[ $last =~ ^([0-9]+)\ passed,\ 0\ failed$ ]]; then
			total_pass=$((total_pass + 1))
			line="$line; torture ${BASH_REMATCH[1]} runs compared, 0 differences (${torture_time}s); -O2 sites: ${sites:-none}"
		else
			total_fail=$((total_fail + 1))
			line="$line; torture FAILED: $last (${torture_time}s)"
			grep '^FAIL: ' "$log/torture.log" | head -5 | sed "s/^/check-gcc-all: gcc-$n: torture: /"
		fi
	fi
	status_line "$line"
}

main() {
	local n head dirty
	parse_args "$@"
	mkdir -p "$out"
	exec 9>"$out/lock"
	flock -n 9 || die "another run is using $out"
	start_roots

	head=$(git -C "$repo" rev-parse --short HEAD)
	dirty=$(git -C "$repo" status --porcelain --untracked-files=no | grep -q . && echo ", with uncommitted changes")
	echo "check-gcc-all: GCC ${versions[*]}, the working tree of $head$dirty, torture levels: $($torture && echo "$levels" || echo none)"
	for n in "${versions[@]}"; do
		test_compiler "$n"
	done

	echo
	echo "check-gcc-all: results in $out"
	printf '%s\n' "${summaries[@]}"
	echo "$total_pass passed, $total_fail failed, $total_skip skipped"
	[ "$total_fail" -eq 0 ]
}

# On one line, so that bash has read all it runs before it starts: the
# script can be edited while a long run goes on.
main "$@"; exit
