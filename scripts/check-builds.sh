#!/usr/bin/env bash
# The build-wide report in real builds of examples/multi, as README.md
# ("Build-wide reports") describes it for make -j, ccache and distcc:
#
#   scripts/check-builds.sh [--plugin PATH]
#
#   - make -j2 -O: one JSON report per unit, the known summary, and the
#     remarks of the build log give the same decisions as the JSON;
#   - ccache: a cache hit replays the remarks but writes no JSON report,
#     CCACHE_RECACHE=1 writes it again, a rebuilt plugin misses;
#   - distcc, with a distccd of its own on 127.0.0.1: a job that loads
#     the plugin with -fplugin= is refused and compiled locally, and the
#     README's wrapper compiler is distributed, the remarks complete.
#
# These behaviours belong to ccache and distcc, not to the plugin, and a
# new version of either can change them; README's advice is only as good
# as this check.  ccache and distcc are installed from Debian if missing.
#
# Prints "PASS: NAME" or "FAIL: NAME: WHY" per check, then "N passed,
# M failed"; exits 1 if M > 0.  Works in build/builds/, emptied first;
# while distccd runs, its files are in a directory of its own under /tmp
# (distccd run by root runs as nobody, who may not reach the checkout),
# moved to build/builds/distcc/server/ at the end.
# GCC selects the compiler, as in the Makefile.

set -u

repo=$(cd "$(dirname "$0")/.." && pwd)
GCC=${GCC:-gcc}
plugin=$repo/plugin/escape.so
work=$repo/build/builds
multi=$repo/examples/multi

# The known report of examples/multi (README.md shows it).
expect_units=5
expect_summary="23 sites, 9 stack, 1 stack-if-small, 13 heap"

usage() {
	echo "usage: $0 [--plugin PATH]" >&2
	exit 2
}

while [ $# -gt 0 ]; do
	case $1 in
	--plugin) [ $# -ge 2 ] || usage; plugin=$2; shift 2 ;;
	*) usage ;;
	esac
done
# Absolute, because the compiles run in other directories, and on the
# distcc server.
plugin=$(realpath -e "$plugin" 2>/dev/null) || { echo "check-builds: no plugin ${plugin}; run make first" >&2; exit 2; }
gcc_path=$(command -v "$GCC") || { echo "check-builds: compiler '$GCC' not found" >&2; exit 2; }

# Settings of the caller's would change what ccache, distcc and the inner
# make do; each build below sets what it needs.
unset "${!CCACHE_@}" "${!DISTCC_@}" MAKEFLAGS MFLAGS MAKELEVEL

passed=0
failed=0
pass() {
	echo "PASS: $1"
	passed=$((passed + 1))
}
fail() {
	echo "FAIL: $1: $2"
	failed=$((failed + 1))
}
# One result: NAME, then the reason it failed, empty if it passed.
result() {
	if [ -z "$2" ]; then pass "$1"; else fail "$1" "$2"; fi
}

# Builds examples/multi into OUT with make -j2 -O, its output (the
# compilers' stderr) going to LOG; the rest are make variables.
build() {
	local out=$1 log=$2
	shift 2
	make -s -j2 -O --no-print-directory -C "$multi" OUT="$out" PLUGIN="$plugin" CC="$gcc_path" "$@" >"$log" 2>&1
}

# The decisions that escape-report finds in its inputs, as text to compare:
# the summary, the reasons and the files, then with "sites" every site.
# Remarks name no function, so functions are left out.
decisions() {
	local what=$1
	shift
	"$repo/scripts/escape-report" --json "$@" >"$work/escape-report.json" 2>"$work/escape-report.err"
	python3 -c '
import json, sys
try:
    with open(sys.argv[2]) as out:
        report = json.load(out)
except ValueError:
    with open(sys.argv[3]) as err:
        print(err.read().strip().replace("\n", " ") or "no output from escape-report")
    sys.exit(1)
s = report["summary"]
small = s.get("stack_if_small")
print("%d sites, %d stack, %s%d heap" % (
    s["sites"], s["stack"], "%d stack-if-small, " % small if small else "",
    s["heap"]))
for reason, n in s["reasons"].items():
    print("reason %s %d" % (reason, n))
for f in report["files"]:
    print("file %s %d %d %d" % (f["file"], f["sites"], f["stack"], f["heap"]))
if sys.argv[1] == "sites":
    for line in sorted("site %s:%d:%d: %s(%s) -> %s: %s: %s" % (
            x["file"], x["line"], x["column"], x["callee"], x["args"],
            x["decision"], x["reason"], x.get("detail")) for x in report["sites"]):
        print(line)
' "$what" "$work/escape-report.json" "$work/escape-report.err"
}

# Why the report of INPUTS is not the known one; nothing if it is.
wrong_summary() {
	local got
	got=$(decisions summary "$@" | sed -n 1p)
	[ "$got" = "$expect_summary" ] || echo "escape-report says '$got', not '$expect_summary'"
}

# How many JSON reports DIR holds.
count_reports() {
	find "$1" -name '*.escape.json' | wc -l
}

# Why the report directory DIR is not complete; nothing if it is.
incomplete_reports() {
	local n
	n=$(count_reports "$1")
	if [ "$n" -ne "$expect_units" ]; then
		echo "$n JSON reports in $1, not $expect_units"
	else
		wrong_summary "$1"
	fi
}

# Why the build that wrote LOG failed; nothing if its status was 0.
build_failed() {
	[ "$1" -eq 0 ] || echo "make exited $1: $(grep -m1 -iE 'error|fatal' "$2")"
}

# Installs whichever of the Debian packages is missing, saying so on
# stderr; prints why that failed, or nothing.
install_missing() {
	local out
	if ! out=$("$repo/scripts/install-deps.sh" --who check-builds "$@" 2>&1); then
		echo "$out" >&2
		echo "apt-get install failed: $(echo "$out" | grep -m1 -E '^E:|ermission|not root' || echo "$out" | tail -1)"
	elif [ -n "$out" ]; then
		echo "$out" >&2
	fi
}

# Fails every check named after the first argument, all for one reason.
fail_all() {
	local why=$1 name
	shift
	for name in "$@"; do fail "$name" "$why"; done
}

check_make() {
	local dir=$work/make status=0
	mkdir -p "$dir/reports"
	build "$dir/obj" "$dir/build.log" \
		ESCAPE_ARGS="-fplugin-arg-escape-report=$dir/reports -fopt-info-optimized-missed" || status=$?
	result "make -j2 -O: the build" "$(build_failed $status "$dir/build.log")"
	result "make -j2 -O: one JSON report per unit, the known summary" "$(incomplete_reports "$dir/reports")"
	decisions sites "$dir/reports" >"$dir/json.decisions"
	decisions sites "$dir/build.log" >"$dir/log.decisions"
	if cmp -s "$dir/json.decisions" "$dir/log.decisions"; then
		pass "make -j2 -O: the remarks in the log give the decisions of the JSON"
	else
		fail "make -j2 -O: the remarks in the log give the decisions of the JSON" \
			"they differ: diff $dir/json.decisions $dir/log.decisions"
	fi
}

# Prints ccache's counter NAME, -1 if it has none of that name.
ccache_stat() {
	ccache --print-stats 2>/dev/null | awk -v name="$1" '$1 == name { n = $2 } END { print n == "" ? -1 : n }'
}

check_ccache() {
	local names=("ccache: first build, complete report" "ccache: second build, all cache hits"
		"ccache: the hits replay the remarks" "ccache: the hits write no JSON report"
		"ccache: CCACHE_RECACHE=1 writes the complete report" "ccache: a rebuilt plugin misses")
	if ! command -v ccache >/dev/null; then
		fail_all "ccache is not installed${install_why:+: $install_why}" "${names[@]}"
		return
	fi
	local dir=$work/ccache status hits misses why
	mkdir -p "$dir/reports"
	export CCACHE_DIR=$dir/cache
	# A copy, so that a rebuild of the plugin can be played without
	# touching plugin/.
	cp "$plugin" "$dir/escape.so"
	# build() uses this one while this function runs.
	local plugin=$dir/escape.so
	local args=(CC="ccache $gcc_path" ESCAPE_ARGS="-fplugin-arg-escape-report=$dir/reports -fopt-info-optimized-missed")
	ccache -z >/dev/null

	status=0
	build "$dir/obj" "$dir/build1.log" "${args[@]}" || status=$?
	why=$(build_failed $status "$dir/build1.log")
	result "${names[0]}" "${why:-$(incomplete_reports "$dir/reports")}"

	# Only the report directory emptied makes the reports go missing:
	# anything else would change the command line or the plugin.
	make -s -C "$multi" OUT="$dir/obj" clean
	rm -f "$dir/reports"/*
	ccache -z >/dev/null
	status=0
	build "$dir/obj" "$dir/build2.log" "${args[@]}" || status=$?
	hits=$(($(ccache_stat direct_cache_hit) + $(ccache_stat preprocessed_cache_hit)))
	misses=$(ccache_stat cache_miss)
	why=$(build_failed $status "$dir/build2.log")
	if [ -z "$why" ] && { [ "$hits" -ne "$expect_units" ] || [ "$misses" -ne 0 ]; }; then
		why="$hits cache hits and $misses misses, not $expect_units and 0"
	fi
	result "${names[1]}" "$why"
	if grep -q -- ' -> \(stack\|heap\): ' "$dir/build1.log" &&
		cmp -s <(sort "$dir/build1.log") <(sort "$dir/build2.log"); then
		pass "${names[2]}"
	else
		fail "${names[2]}" "no escape remarks, or the sorted logs differ: diff $dir/build1.log $dir/build2.log"
	fi
	why=$(count_reports "$dir/reports")
	result "${names[3]}" "$([ "$why" -eq 0 ] || echo "$why JSON reports written, README says none")"

	make -s -C "$multi" OUT="$dir/obj" clean
	status=0
	CCACHE_RECACHE=1 build "$dir/obj" "$dir/build3.log" "${args[@]}" || status=$?
	why=$(build_failed $status "$dir/build3.log")
	result "${names[4]}" "${why:-$(incomplete_reports "$dir/reports")}"

	# ccache knows the plugin as it knows the compiler: by size and mtime
	# (compiler_check), which a rebuild changes.
	make -s -C "$multi" OUT="$dir/obj" clean
	touch -d '-1 hour' "$plugin"
	ccache -z >/dev/null
	status=0
	build "$dir/obj" "$dir/build4.log" "${args[@]}" || status=$?
	misses=$(ccache_stat cache_miss)
	why=$(build_failed $status "$dir/build4.log")
	[ -n "$why" ] || [ "$misses" -eq "$expect_units" ] || why="$misses cache misses, not $expect_units"
	result "${names[5]}" "$why"
	unset CCACHE_DIR
}

# The distccd's own directory (see check_distcc), and its pid.
server=
distccd_pid=
stop_distccd() {
	if [ -n "$distccd_pid" ]; then
		kill "$distccd_pid" 2>/dev/null
		wait "$distccd_pid" 2>/dev/null
		distccd_pid=
	fi
}
# Stops distccd, and moves its directory into DEST to be looked at.
keep_server() {
	stop_distccd
	if [ -n "$server" ] && [ -d "$server" ]; then
		mkdir -p "$1"
		cp -R "$server/." "$1/" && rm -rf "$server"
		server=
	fi
}
trap 'keep_server "$work/distcc/server"' EXIT
trap 'exit 130' INT TERM

# Starts distccd on a free port of 127.0.0.1, its files in SERVER; sets
# distccd_pid and port, or prints why it could not.
start_distccd() {
	local server=$1 user_args=()
	# distccd will not run as root; it then needs a user of its own, who
	# must be able to write everything in SERVER.
	if [ "$(id -u)" -eq 0 ]; then
		user_args=(--user nobody)
		chown -R nobody "$server"
	fi
	for _ in 1 2 3 4 5; do
		port=$((3632 + 1 + RANDOM % 20000))
		[ -z "$(ss -Hltn "sport = :$port" 2>/dev/null)" ] || continue
		# --enable-tcp-insecure lets distccd run a compiler that is not in
		# /usr/lib/distcc, the system's list, which this test leaves alone;
		# distccd finds the wrapper on its PATH.
		PATH=$server/bin:$PATH TMPDIR=$server/tmp distccd --daemon --no-detach \
			--allow 127.0.0.1 --listen 127.0.0.1 --port "$port" --jobs 2 \
			--log-file "$server/distccd.log" --log-level info \
			--pid-file "$server/distccd.pid" --enable-tcp-insecure "${user_args[@]}" \
			>>"$server/distccd.out" 2>&1 &
		distccd_pid=$!
		for _ in $(seq 50); do
			grep -q "listening on 127.0.0.1:$port" "$server/distccd.log" 2>/dev/null && return
			kill -0 "$distccd_pid" 2>/dev/null || break
			sleep 0.1
		done
		stop_distccd
	done
	echo "distccd did not start: $(tail -1 "$server/distccd.log" 2>/dev/null || tail -1 "$server/distccd.out")"
}

# How many lines of the distccd log match PATTERN.
server_says() {
	grep -c -- "$1" "$server/distccd.log"
}

check_distcc() {
	local names=("distcc: distccd starts on 127.0.0.1"
		"distcc: distccd refuses -fplugin= jobs as insecure"
		"distcc: refused jobs compile locally, the remarks complete"
		"distcc: refused jobs fail the build with DISTCC_FALLBACK=0"
		"distcc: the wrapper compiler's jobs compile on the server"
		"distcc: the wrapper build's remarks give the known summary"
		"distcc: the server writes the JSON report and the dump files")
	if ! command -v distcc >/dev/null || ! command -v distccd >/dev/null; then
		fail_all "distcc is not installed${install_why:+: $install_why}" "${names[@]}"
		return
	fi
	local dir=$work/distcc status port why
	# The server's files: its log, pid file and temporary directory, the
	# wrapper compiler, the plugin it loads and the reports it writes.
	# Run by root, distccd runs as nobody, who may not be able to reach
	# the checkout (under /root, mode 700, say), so they are in a
	# directory of their own under /tmp, nobody's; at the end they are
	# moved to $dir/server.
	mkdir -p "$dir/client1" "$dir/client2" "$dir/client3"
	rm -rf "$dir/server"
	if ! server=$(mktemp -d /tmp/escape-distccd.XXXXXX); then
		fail_all "could not make distccd's directory under /tmp" "${names[@]}"
		return
	fi
	chmod 755 "$server"
	mkdir -p "$server/bin" "$server/tmp" "$server/reports"
	cp "$plugin" "$server/escape.so"
	# README's wrapper, which loads the plugin itself: the command line
	# that distcc sends then has no -fplugin= for distccd to refuse.
	printf '#!/bin/sh\nexec %q -fplugin=%q "$@"\n' "$gcc_path" "$server/escape.so" >"$server/bin/escape-gcc"
	chmod 755 "$server/bin/escape-gcc"
	# Not in $(...): distccd_pid and port must outlive the call.
	start_distccd "$server" >"$dir/start.why"
	if [ -s "$dir/start.why" ]; then
		keep_server "$dir/server"
		fail_all "$(cat "$dir/start.why") (its files are in $dir/server)" "${names[@]}"
		return
	fi
	pass "${names[0]} (port $port)"
	export DISTCC_HOSTS=127.0.0.1:$port/2

	# A client that meets a refusal keeps away from the server for a
	# while (DISTCC_BACKOFF_PERIOD), so each build has a client state of
	# its own.
	status=0
	DISTCC_DIR=$dir/client1 build "$dir/obj1" "$dir/build1.log" CC="distcc $gcc_path" \
		ESCAPE_ARGS=-fopt-info-optimized-missed || status=$?
	local refused compiled
	refused=$(server_says 'fplugin= and/or -specs= passed, which are insecure')
	compiled=$(server_says 'COMPILE_OK')
	why=
	[ "$refused" -gt 0 ] && [ "$compiled" -eq 0 ] ||
		why="the distccd log has $refused refusals and $compiled compiles, not some and 0"
	result "${names[1]}" "$why"
	why=$(build_failed $status "$dir/build1.log")
	[ -n "$why" ] || grep -q 'failed to distribute.*running locally instead' "$dir/build1.log" ||
		why="the log does not say 'failed to distribute, running locally instead'"
	result "${names[2]}" "${why:-$(wrong_summary "$dir/build1.log")}"

	status=0
	DISTCC_DIR=$dir/client2 DISTCC_FALLBACK=0 build "$dir/obj2" "$dir/build2.log" \
		CC="distcc $gcc_path" ESCAPE_ARGS=-fopt-info-optimized-missed || status=$?
	why=
	if [ $status -eq 0 ]; then
		why="the build succeeded"
	elif ! grep -q 'failed to distribute and fallbacks are disabled' "$dir/build2.log"; then
		why="the build failed otherwise: $(grep -m1 -iE 'error' "$dir/build2.log")"
	fi
	result "${names[3]}" "$why"

	# README's recipe, the local fallback disabled so that only the
	# server can compile; the client preprocesses with the wrapper too.
	status=0
	PATH=$server/bin:$PATH DISTCC_DIR=$dir/client3 DISTCC_FALLBACK=0 \
		build "$dir/obj3" "$dir/build3.log" CC='distcc escape-gcc' LOAD_PLUGIN= \
		ESCAPE_ARGS="-fopt-info-optimized-missed -fplugin-arg-escape-report=$server/reports -fplugin-arg-escape-dump" ||
		status=$?
	compiled=$(server_says 'COMPILE_OK.*escape-gcc')
	unset DISTCC_HOSTS
	keep_server "$dir/server"
	why=$(build_failed $status "$dir/build3.log")
	[ -n "$why" ] || [ "$compiled" -eq "$expect_units" ] ||
		why="the distccd log shows $compiled compiles with escape-gcc, not $expect_units"
	result "${names[4]}" "$why"
	# Compared by summary only: sites inside macros get other columns when
	# the server compiles preprocessed source (docs/report-format.md).
	local local_log=$work/make/build.log
	why=$(wrong_summary "$dir/build3.log")
	if [ -z "$why" ] && [ "$(decisions summary "$dir/build3.log")" != "$(decisions summary "$local_log")" ]; then
		why="the reasons or files differ from the local build's: compare escape-report $dir/build3.log $local_log"
	fi
	result "${names[5]}" "$why"
	# The client's preprocessing run writes no report, so every file is
	# the server's; its dumps stay in its temporary directory.
	local dumps
	dumps=$(find "$dir/server/tmp" -name 'distccd_*.i.*t.escape' | wc -l)
	why=$(incomplete_reports "$dir/server/reports")
	[ -n "$why" ] || [ "$dumps" -eq "$expect_units" ] ||
		why="$dumps dump files in the server's temporary directory ($dir/server/tmp), not $expect_units"
	result "${names[6]}" "$why"
}

main() {
	mkdir -p "$repo/build"
	# Two runs at once would share build/builds.
	exec 9>"$repo/build/builds.lock"
	flock -n 9 || { echo "check-builds: another run is using $work" >&2; exit 2; }
	rm -rf "$work"
	mkdir -p "$work"
	echo "check-builds: $gcc_path, plugin $plugin, in $work"
	install_why=$(install_missing ccache distcc)
	check_make
	check_ccache
	check_distcc
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}

main; exit
