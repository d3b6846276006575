#!/usr/bin/env bash
# Run cc1 with the escape plugin under valgrind's memcheck on a handful of
# files: no invalid read or write, and no use of an uninitialised value.
#
#   scripts/check-valgrind.sh
#
# Each file is compiled with -O2 -S, the detailed dump and the JSON
# report on, so that the analysis, the rewrite and the report writers all
# run.  One of the files is a program of scripts/escape-fuzz.py, which
# has many sites of every kind.  Leaks are not checked: GCC leaks by
# design, freeing nothing at exit.
#
# scripts/valgrind-gcc.supp suppresses what GCC 12 reports on its own,
# without the plugin (its register allocators read uninitialised sparse
# sets on purpose).  A report that stays is printed with its log, and
# the file counts as failed.  PLUGIN= checks another build of the plugin.
#
# The last line is "N passed, M failed"; exits 1 if M > 0.  GCC selects
# the compiler, as in the Makefile.

set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
GCC=${GCC:-gcc}
plugin=${PLUGIN:-$repo/plugin/escape.so}
supp=$repo/scripts/valgrind-gcc.supp
out=$repo/build/valgrind

command -v valgrind >/dev/null || { echo "check-valgrind: valgrind not found" >&2; exit 2; }
[ -f "$plugin" ] || { echo "check-valgrind: $plugin does not exist (run make)" >&2; exit 2; }

rm -rf "$out"
mkdir -p "$out/report"
"$repo/scripts/escape-fuzz.py" --seed 1 --print 0 > "$out/fuzz-1-0.c"

files=(
	"$repo/examples/example.c"
	"$repo/testsuite/escape.dg/aligned-alloc.c"
	"$repo/testsuite/escape.dg/details-container.c"
	"$repo/testsuite/escape.dg/freed-elsewhere.c"
	"$repo/testsuite/escape.dg/loop-carried.c"
	"$repo/testsuite/escape.dg/stack-loop.c"
	"$repo/testsuite/escape.dg/stack-phi.c"
	"$repo/testsuite/escape.dg/stack-sharing-down.c"
	"$repo/testsuite/escape.dg/unknown-size.c"
	"$out/fuzz-1-0.c"
)

# -wrapper runs every subprocess of the driver under valgrind; with -S
# that is cc1 alone.  Its exit status cannot tell valgrind's errors from
# the compiler's, so the log's error summary decides.
wrapper=valgrind,--leak-check=no,--num-callers=30,--suppressions=$supp

pass=0
fail=0
for f in "${files[@]}"; do
	name=$(basename "$f" .c)
	log=$out/$name.log
	if "$GCC" -O2 -S -fplugin="$plugin" -fplugin-arg-escape-dump=details \
		-fplugin-arg-escape-report="$out/report" \
		-wrapper "$wrapper,--log-file=$log" \
		"$f" -o "$out/$name.s" 2>"$out/$name.err" \
		&& grep -q 'ERROR SUMMARY: 0 errors' "$log"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $f"
		cat "$out/$name.err" "$log"
	fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
