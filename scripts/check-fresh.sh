#!/usr/bin/env bash
# The README's promise, checked on a bare machine: on a fresh Debian 12
# with only build-essential and git, a checkout cloned under /root, as
# root, `make example' and `make check' do everything, installing what is
# missing with apt-get and saying so.
#
#   scripts/check-fresh.sh [--rebuild-root]
#
# Makes a bare bookworm root with scripts/make-root.sh (debootstrap
# --variant=minbase, then build-essential and git) in build/fresh/root,
# from the tarball build/roots/bookworm-build-essential-git.tar.gz when
# an earlier run left one (--rebuild-root makes it again).  Clones the
# committed HEAD of this checkout into /root/escape there, and runs the
# two commands in it with chroot (scripts/root-run.sh), their output
# shown as it comes.  Then checks:
#   - make example exits 0 and prints the report;
#   - make check exits 0, and its DejaGnu summary has passes and no
#     failure, unresolved, unsupported or untested test (a tool missing
#     on the fresh machine would show as unsupported);
#   - every package that apt-get installed meanwhile was named on the
#     console by the command that installed it.
# Prints "PASS: NAME" or "FAIL: NAME: WHY" per check, then "N passed,
# M failed"; exits 1 if M > 0, 2 if the root could not be made.
# Needs root; takes some minutes (the whole testsuite runs).

set -u

repo=$(cd "$(dirname "$0")/.." && pwd)
suite=bookworm
packages=(build-essential git)
cache=$repo/build/roots/$suite-build-essential-git.tar.gz
work=$repo/build/fresh
root=$work/root
rebuild=false

die() {
	echo "check-fresh: $*" >&2
	exit 2
}

case ${1-} in
--rebuild-root) rebuild=true ;;
"") ;;
*) die "usage: $0 [--rebuild-root]" ;;
esac
[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, chroot)"
git -C "$repo" rev-parse --verify -q HEAD >/dev/null || die "$repo is no git checkout with a commit"
if [ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]; then
	echo "check-fresh: note: uncommitted changes are not tested, only HEAD"
fi

# Nothing may stay mounted in the root before it is deleted: rm would
# go into the host's /dev.
clear_root() {
	local m
	[ -d "$root" ] || return 0
	for m in $(findmnt -rn -o TARGET | grep -F "$root/" | sort -r); do
		umount -R "$m" 2>/dev/null || umount -R -l "$m"
	done
	if findmnt -rn -o TARGET | grep -qF "$root/"; then
		die "something is still mounted under $root"
	fi
	rm -rf --one-file-system "$root"
}

mkdir -p "$repo/build"
exec 9>"$repo/build/fresh.lock"
flock -n 9 || die "another run is using $work"

clear_root
mkdir -p "$work"
$rebuild && rm -f "$cache"
"$repo/scripts/make-root.sh" --cache "$cache" "$suite" "$root" "${packages[@]}" ||
	die "could not make the $suite root"

head=$(git -C "$repo" rev-parse HEAD)
echo "check-fresh: cloning $head into /root/escape of the root"
git clone -q --no-hardlinks "$repo" "$root/root/escape" ||
	die "git clone failed"
git -C "$root/root/escape" checkout -q --detach "$head" || die "no commit $head in the clone"

# Packages installed by the two commands: apt's history, from here on.
: >"$root/var/log/apt/history.log"

passed=0
failed=0
result() {
	if [ -z "$2" ]; then
		echo "PASS: $1"
		passed=$((passed + 1))
	else
		echo "FAIL: $1: $2"
		failed=$((failed + 1))
	fi
}

# Runs the README's command in /root/escape of the root, as root, its
# output shown and kept in $work/NAME.log; returns its status.
run() {
	local name=$1
	shift
	echo "check-fresh: chroot: cd /root/escape && $*"
	"$repo/scripts/root-run.sh" "$root" sh -c 'cd /root/escape && exec "$@"' sh "$@" 2>&1 |
		tee "$work/$name.log"
	return "${PIPESTATUS[0]}"
}

status=0
run example make example || status=$?
why=
if [ $status -ne 0 ]; then
	why="exited $status"
elif ! grep -q '^escape: main: ' "$work/example.log"; then
	why="no report in its output"
fi
result "make example" "$why"

status=0
run check make check || status=$?
result "make check exits 0" "$([ $status -eq 0 ] || echo "exited $status")"

sum=$root/root/escape/testsuite/escape.sum
count() {
	awk -v what="# of $1" 'index($0, what) == 1 { n += $NF } END { print n + 0 }' "$sum"
}
if [ -f "$sum" ]; then
	cp "$sum" "$work/escape.sum"
	pass_n=$(count "expected passes")
	bad=
	for what in "unexpected failures" "unexpected successes" "unresolved testcases" \
		"unsupported tests" "untested testcases"; do
		n=$(count "$what")
		[ "$n" -eq 0 ] || bad="$bad, $n $what"
	done
	if [ -n "$bad" ]; then
		why="${bad#, }: $(grep -m3 -E '^(FAIL|XPASS|UNRESOLVED|UNSUPPORTED|UNTESTED): ' "$sum" | tr '\n' ';')"
	elif [ "$pass_n" -eq 0 ]; then
		why="no expected passes"
	else
		why=
	fi
	result "make check: $pass_n expected passes, nothing failed or skipped" "$why"
else
	result "make check: the testsuite's summary" "make check wrote no testsuite/escape.sum"
fi

# Each "Commandline: apt-get install ..." of apt's history: every package
# it names must appear on a line of the console output that says install.
why=
while read -r pkg; do
	re=$(printf '%s' "$pkg" | sed 's/[.+]/\\&/g')
	grep -qiE "install.*(^|[[:space:]])$re([[:space:]]|$)|(^|[[:space:]])$re[[:space:]].*install" \
		"$work/example.log" "$work/check.log" || why="$why $pkg"
done < <(sed -n 's/^Commandline: apt-get .*install //p' "$root/var/log/apt/history.log" |
	tr ' ' '\n' | grep -v '^-' | grep -v '^$' | sort -u)
installed=$(sed -n 's/^Commandline: apt-get .*install //p' "$root/var/log/apt/history.log" |
	tr ' ' '\n' | grep -v '^-' | grep -vc '^$')
result "the $installed packages installed were named on the console" \
	"$([ -z "$why" ] || echo "installed silently:$why")"

echo "check-fresh: logs and the testsuite summary are in $work"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
