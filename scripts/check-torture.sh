#!/usr/bin/env bash
# Differential run of GCC's C torture suite with and without the escape
# plugin.
#
#   scripts/check-torture.sh [--levels "-O0 -O1 -O2 -O3 -Os"]
#                            [--subset malloc|all] [--jobs N] [--compile]
#   scripts/check-torture.sh --unpack-only
#
# Each test of gcc.c-torture/execute (with its ieee/ and builtins/
# subdirectories) is built and run at every level, once with plain $GCC
# and once with the plugin.  A difference is a run that passes without
# the plugin and fails with it (exit status, crash, or a 10 s timeout), a
# build that works without the plugin and fails with it, or an internal
# compiler error with the plugin only.  A test that fails without the
# plugin says nothing about it: it is counted as a baseline failure.
#
# --unpack-only installs and unpacks the tests (below), and runs none.
# --subset malloc keeps only the tests that mention an allocation
# function.  --compile adds the tests of gcc.c-torture/compile, compiled
# with -c at -O2 only, the plugin writing its detailed dump.
#
# The warnings oracle: both builds also ask for GCC's warnings about
# addresses of locals and frees of what is not heap ($oracle_warnings,
# the list of scripts/escape-fuzz.py); a run or compile that passes but
# gets one of them only with the plugin is a difference too ("plugin-only
# warning").  For that the tests' own -w is dropped, and -Wno-error keeps
# the warnings it hid from failing a test that asks for -Werror.
#
# The last line is "N passed, M failed": N runs (test x level) compared
# without a difference, M differences.  Skipped runs and baseline failures
# count in neither.  Exits 1 if M > 0, 2 if the run could not be set up.
#
# GCC selects the compiler, as in the Makefile, and with it the tests:
# those of its own version N, from Debian's gcc-N-source package
# (installed if missing), unpacked into $TORTURE_DIR/gcc-N (default
# build/torture/gcc-N/).  $TORTURE_DIR also holds the work directory of
# the last run.

# shellcheck disable=SC2317 # the workers' functions run under xargs
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
GCC=${GCC:-gcc}
plugin=$repo/plugin/escape.so
directives=$repo/scripts/torture-directives.tcl
torture_dir=${TORTURE_DIR:-$repo/build/torture}
work=$torture_dir/work
# Set by main once GCC's version is known.
major=
suite=

levels="-O0 -O1 -O2 -O3 -Os"
subset=all
jobs=$(nproc)
compile=false
unpack_only=false

# The level whose plugin dumps are tallied, and the only one for compile/.
tally_level=-O2
# Timeouts in seconds: a test program, and one compiler run (a compiler
# that hangs with the plugin only is a difference too).
run_timeout=10
compile_timeout=300
# The warnings oracle: what both builds ask for, and the pattern of the
# warnings it compares.
oracle_warnings="-Wreturn-local-addr -Wfree-nonheap-object -Wdangling-pointer -Wuse-after-free"
oracle_warning_re='\[-W(return-local-addr|free-nonheap-object|dangling-pointer|use-after-free)[=0-9]*\]$'
# Tests that mention one of these are the "malloc" subset.
alloc_pattern='(\<|__builtin_)(malloc|calloc|realloc|free|alloca|aligned_alloc)\>'

die() {
	echo "check-torture: $*" >&2
	exit 2
}

usage() {
	sed -n '5,7p' "$0" | sed 's/^# *//' >&2
	exit 2
}

# A level such as -O2 names the directory its runs use.
level_dir() {
	local name=${1#-}
	echo "${name//[^A-Za-z0-9=_-]/_}"
}

# Installs the packages of whatever is missing, then unpacks the two test
# directories of the GCC N source tarball, unless that is already done.
prepare_sources() {
	local missing=() tarballs
	compgen -G "/usr/src/gcc-$major/gcc-*.tar.xz" >/dev/null || missing+=("gcc-$major-source")
	command -v tclsh >/dev/null || missing+=(tcl)
	if [ ${#missing[@]} -gt 0 ]; then
		"$repo/scripts/install-deps.sh" --who check-torture "${missing[@]}" ||
			die "could not install ${missing[*]}"
	fi
	[ -f "$suite/.unpacked" ] && return
	tarballs=("/usr/src/gcc-$major"/gcc-*.tar.xz)
	echo "check-torture: unpacking the torture tests of ${tarballs[0]}"
	rm -rf "$suite"
	mkdir -p "$(dirname "$suite")"
	tar -xJf "${tarballs[0]}" -C "$(dirname "$suite")" --wildcards --strip-components=3 \
		'*/gcc/testsuite/gcc.c-torture/execute' '*/gcc/testsuite/gcc.c-torture/compile'
	touch "$suite/.unpacked"
}

# Prints the tests to run, as paths under $suite.  builtins/ tests are
# linked with their -lib.c and lib/main.c, which are no tests of their own.
list_tests() {
	(
		cd "$suite"
		{
			printf '%s\n' execute/*.c execute/ieee/*.c execute/builtins/*.c | grep -v -- '-lib\.c$'
			if $compile; then printf '%s\n' compile/*.c; fi
		} | if [ "$subset" = malloc ]; then xargs grep -lE "$alloc_pattern"; else cat; fi
	)
}

# Runs one command under a timeout, its output going to LOG; prints
# nothing and returns the command's status.
run_logged() {
	local log=$1
	shift
	timeout "$compile_timeout" "$@" >"$log" 2>&1
}

# Why a test program's exit status STATUS is a failure.
describe_status() {
	if [ "$1" -eq 124 ]; then
		echo "timed out after ${run_timeout}s"
	elif [ "$1" -gt 128 ] && [ "$1" -le 192 ]; then
		echo "killed by SIG$(kill -l $(($1 - 128)))"
	else
		echo "exit status $1"
	fi
}

# Builds and runs one test at one level, without and with the plugin, in
# its own directory.  Prints one result line: STATUS<TAB>LEVEL<TAB>WHAT,
# and for a difference <TAB>the command that reproduces it.
run_level() {
	local test=$1 level=$2 dir=$3
	shift 3
	local -a flags test_flags oracle
	read -ra test_flags <<<"$1"
	read -ra oracle <<<"$oracle_warnings"
	# The test's flags without -w, which would hide the oracle's warnings.
	local flag
	for flag in "${test_flags[@]}"; do
		[ "$flag" = -w ] || flags+=("$flag")
	done
	flags+=(-fdiagnostics-plain-output "${oracle[@]}" -Wno-error)
	local src=$suite/$test sources out_base out_plugin dump_arg link_args=(-lm)
	local mode=run
	[[ $test == compile/* ]] && mode=compile

	sources=("$src")
	[[ $test == execute/builtins/* ]] && sources+=("${src%.c}-lib.c" "$suite/execute/builtins/lib/main.c")
	out_base=base out_plugin=plugin dump_arg=-fplugin-arg-escape-dump
	if [ "$mode" = compile ]; then
		# Compile only; -c with -lm would make the driver complain.
		out_base=base.o out_plugin=plugin.o dump_arg=-fplugin-arg-escape-dump=details
		link_args=(-c)
	fi
	mkdir -p "$dir"
	cd "$dir"

	local base_cmd=("$GCC" "$level" "${flags[@]}" "${sources[@]}" "${link_args[@]}" -o "$out_base")
	local plugin_cmd=("$GCC" "$level" "${flags[@]}" "-fplugin=$plugin" "$dump_arg"
		"${sources[@]}" "${link_args[@]}" -o "$out_plugin")
	local repro
	repro="cd $(printf '%q' "$dir") && $(printf '%q ' "${plugin_cmd[@]}")"
	repro=${repro% }

	local base_status=0 plugin_status=0
	run_logged base.log "${base_cmd[@]}" || base_status=$?
	run_logged plugin.log "${plugin_cmd[@]}" || plugin_status=$?

	if grep -q 'internal compiler error' plugin.log && ! grep -q 'internal compiler error' base.log; then
		printf 'fail\t%s\tinternal compiler error: %s\t%s\n' "$level" \
			"$(grep -m1 'internal compiler error' plugin.log)" "$repro"
	elif [ "$base_status" -ne 0 ]; then
		printf 'baseline\t%s\tdoes not compile without the plugin\n' "$level"
	elif [ "$plugin_status" -ne 0 ]; then
		local why="does not compile with the plugin"
		[ "$plugin_status" -eq 124 ] && why="compiler timed out after ${compile_timeout}s with the plugin"
		printf 'fail\t%s\t%s: %s\t%s\n' "$level" "$why" "$(grep -m1 -E 'error|fatal' plugin.log || true)" "$repro"
	elif [ "$mode" = compile ]; then
		report_warnings "$level" "$repro" || printf 'pass\t%s\n' "$level"
	else
		local base_run=0 plugin_run=0
		# The braces keep bash's own "Segmentation fault" notice out of the
		# output; describe_status says it instead.
		{ timeout "$run_timeout" ./base </dev/null >base.out 2>&1; } 2>/dev/null || base_run=$?
		if [ "$base_run" -ne 0 ]; then
			printf 'baseline\t%s\tfails without the plugin: %s\n' "$level" "$(describe_status "$base_run")"
		else
			{ timeout "$run_timeout" ./plugin </dev/null >plugin.out 2>&1; } 2>/dev/null || plugin_run=$?
			if [ "$plugin_run" -ne 0 ]; then
				printf 'fail\t%s\t%s with the plugin\t%s\n' "$level" "$(describe_status "$plugin_run")" \
					"$repro && timeout $run_timeout ./$out_plugin"
				return
			fi
			report_warnings "$level" "$repro" || printf 'pass\t%s\n' "$level"
		fi
	fi
	# Nothing to look at again: free the disk, keep logs and dumps.
	rm -f "$out_base" "$out_plugin"
}

# The oracle's warnings in the compiler output LOG, one a line, as
# FILE:LINE:COLUMN OPTION.
oracle_warning_keys() {
	grep -E ": warning: .*$oracle_warning_re" "$1" |
		sed -E 's/^([^:]+:[0-9]+:[0-9]+): warning: .*\[(-W[a-z-]+)[=0-9]*\]$/\1 \2/' | sort -u
}

# Prints a fail line and returns 0 if plugin.log has a warning of the
# oracle that base.log has not, at the same place; returns 1 if not.
report_warnings() {
	local level=$1 repro=$2 only first
	only=$(comm -13 <(oracle_warning_keys base.log) <(oracle_warning_keys plugin.log))
	[ -n "$only" ] || return 1
	first=$(grep -m1 -F "$(head -n1 <<<"$only" | cut -d' ' -f1): warning:" plugin.log)
	printf 'fail\t%s\tplugin-only warning: %s\t%s\n' "$level" "$first" "$repro"
}

# Runs one test (a path under $suite) at its levels; the results go to
# results in its work directory.
run_test() {
	local test=$1 dir=$work/${1%.c} test_levels=$levels
	[[ $test == compile/* ]] && test_levels=$tally_level
	local plan
	mkdir -p "$dir"
	# shellcheck disable=SC2086 # one argument per level
	if ! plan=$(tclsh "$directives" "$suite/$test" $test_levels 2>&1); then
		# Counted as failed: the runner itself is wrong.
		printf 'fail\tall\tcannot read the directives: %s\t%s\n' "${plan//$'\n'/ }" \
			"tclsh $directives $suite/$test $test_levels" >"$dir/results"
		return
	fi
	while IFS=$'\t' read -r verdict level rest; do
		if [ "$verdict" = skip ]; then
			printf 'skip\t%s\t%s\n' "$level" "$rest"
		else
			(run_level "$test" "$level" "$dir/$(level_dir "$level")" "$rest")
		fi
	done <<<"$plan" >"$dir/results"
	# Show differences as soon as they are found.
	awk -F'\t' -v test="$test" '$1 == "fail" { print "FAIL: " test " " $2 ": " $3 }' "$dir/results"
}

# Sums the plugin's reports at the tally level: site lines say
# "-> stack:" or "-> heap: REASON:", and each function's line gives its
# number of sites, which must add up to the same.  The late instance's
# dumps list the sites it moves after IPA inlining, copies of sites the
# early dumps keep on the heap.
tally_dumps() {
	find "$work" -path "*/$(level_dir "$tally_level")/*" \( -name '*.escape' -o -name '*.escape_late' \) -exec cat {} + |
		awk '
		/^escape: .* -> stack: / { stack++ }
		/^escape: .* -> heap: / {
			heap++
			match($0, / -> heap: [^:]+/)
			reasons[substr($0, RSTART + 10, RLENGTH - 10)]++
		}
		/^escape: [^ ]+: [0-9]+ sites?, [0-9]+ stack, [0-9]+ heap$/ { summed += $3 }
		END {
			printf "allocation sites: %d seen, %d to stack, %d kept on heap\n", stack + heap, stack, heap
			for (r in reasons) printf "  heap: %-16s %d\n", r, reasons[r] | "sort -k3,3nr"
			close("sort -k3,3nr")
			if (summed != stack + heap)
				printf "warning: the per-function lines count %d sites, the site lines %d\n", summed, stack + heap
		}'
}

main() {
	while [ $# -gt 0 ]; do
		case $1 in
		--levels) [ $# -ge 2 ] || usage; levels=$2; shift 2 ;;
		--subset) [ $# -ge 2 ] || usage; subset=$2; shift 2 ;;
		--jobs) [ $# -ge 2 ] || usage; jobs=$2; shift 2 ;;
		--compile) compile=true; shift ;;
		--unpack-only) unpack_only=true; shift ;;
		*) usage ;;
		esac
	done
	case $subset in malloc | all) ;; *) usage ;; esac
	[[ $jobs =~ ^[1-9][0-9]*$ ]] || die "--jobs needs a positive number, not '$jobs'"
	[ -n "$levels" ] || die "--levels needs at least one level"
	$unpack_only || [ -f "$plugin" ] || die "no $plugin; run make first"
	major=$("$GCC" -dumpversion 2>/dev/null | cut -d. -f1)
	[[ $major =~ ^[0-9]+$ ]] || die "cannot run '$GCC -dumpversion'"
	suite=$torture_dir/gcc-$major/gcc.c-torture

	prepare_sources
	$unpack_only && return
	mkdir -p "$torture_dir"
	# Two runs at once would share the work directory.
	exec 9>"$torture_dir/lock"
	flock -n 9 || die "another run is using $torture_dir"
	rm -rf "$work"
	mkdir -p "$work"
	# A long run uses one build of the plugin, even if it is rebuilt meanwhile.
	cp "$plugin" "$work/escape.so"
	plugin=$work/escape.so

	mapfile -t tests < <(list_tests)
	[ ${#tests[@]} -gt 0 ] || die "no tests found under $suite"
	echo "check-torture: $GCC $("$GCC" -dumpfullversion), plugin $(sha256sum "$plugin" | cut -c1-12), ${#tests[@]} tests of GCC $major ($subset), levels $levels$($compile && echo ", compile/ at $tally_level"), $jobs jobs"

	# Only the warnings this compiler knows: GCC 11 has no
	# -Wdangling-pointer and no -Wuse-after-free.
	local known= w
	for w in $oracle_warnings; do
		"$GCC" "$w" -fsyntax-only -x c /dev/null 2>/dev/null && known+=" $w"
	done
	oracle_warnings=${known# }

	export GCC plugin directives suite work levels tally_level run_timeout compile_timeout
	export oracle_warnings oracle_warning_re
	export -f level_dir run_logged describe_status run_level run_test oracle_warning_keys report_warnings
	# shellcheck disable=SC2016 # $1 is for bash -c, not for this shell
	printf '%s\0' "${tests[@]}" | xargs -0 -n 1 -P "$jobs" bash -c 'run_test "$1"' run_test

	# Gather the results, test by test in list order.
	for test in "${tests[@]}"; do
		sed "s|^|$test\t|" "$work/${test%.c}/results"
	done >"$work/results"

	passed=$(awk -F'\t' '$2 == "pass"' "$work/results" | wc -l)
	failed=$(awk -F'\t' '$2 == "fail"' "$work/results" | wc -l)
	baseline=$(awk -F'\t' '$2 == "baseline"' "$work/results" | wc -l)
	skipped=$(awk -F'\t' '$2 == "skip"' "$work/results" | wc -l)

	echo
	if [ "$failed" -gt 0 ]; then
		echo "differences:"
		awk -F'\t' '$2 == "fail" { printf "  %s %s: %s\n    %s\n", $1, $3, $4, $5 }' "$work/results"
		echo
	fi
	tally_dumps
	echo "baseline failures (fail without the plugin too): $baseline runs; list in $work/results"
	echo "skipped: $skipped runs"
	awk -F'\t' '$2 == "skip" { print $4 }' "$work/results" | sort | uniq -c | sort -rn | sed 's/^/  /'
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}

# On one line, so that bash has read all it runs before it starts: the
# script can be edited while a long run goes on.
main "$@"; exit
