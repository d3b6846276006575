#!/usr/bin/env bash
# The sites the pass sees and moves at a few positions in GCC's pipeline,
# for the table of docs/design.md ("Where the pass sits"):
#
#   scripts/measure-positions.sh [PASS[:INSTANCE]...]
#
# Each position (default: ssa einline ccp modref, instance 1 of each) is
# the pass the escape pass is inserted after.  For each, the plugin is
# built with escape-plugin.cc's ESCAPE_AFTER_PASS set to it, into
# build/positions/PASS-INSTANCE/, and these files are compiled with it at
# -O2, with the report written: the torture `execute' tests of $GCC's own
# version that call malloc or calloc (unpacked by scripts/check-torture.sh
# --unpack-only), the C tests of testsuite/escape.dg (without their
# dg-options), bench/*.c and examples/ (a site inlined into several
# functions counts once per copy).  Prints, per position, the sites seen
# and moved to the stack in each of the three groups of files, and the
# compiles that failed (an internal compiler error or anything else);
# first, the passes around the escape pass in -fdump-passes for the
# plugin as built by make.  The decisions themselves, one line per site
# (paths relative to the checkout, sorted), go to
# build/positions/PASS-INSTANCE/decisions, to compare with another
# position or another GCC's.
# GCC selects the compiler, as in the Makefile; make must have built the
# plugin for it.

set -u

repo=$(cd "$(dirname "$0")/.." && pwd)
GCC=${GCC:-gcc}
GXX=${GXX:-${GCC//gcc/g++}}
out=$repo/build/positions

die() {
	echo "measure-positions: $*" >&2
	exit 2
}

positions=("$@")
[ ${#positions[@]} -gt 0 ] || positions=(ssa einline ccp modref)
cd "$repo" || die "no $repo"
[ -f plugin/escape.so ] || die "no plugin/escape.so; run make GCC=$GCC first"
major=$("$GCC" -dumpversion | cut -d. -f1)
plugin_dir=$("$GCC" -print-file-name=plugin)
suite=$repo/build/torture/gcc-$major/gcc.c-torture
GCC=$GCC scripts/check-torture.sh --unpack-only || die "no torture tests"

rm -rf "$out"
mkdir -p "$out"
groups=(torture escape.dg bench+examples)
(cd "$suite" && grep -lE '\<(malloc|calloc)\>' execute/*.c | sed "s|^|$suite/|") >"$out/torture"
ls "$repo"/testsuite/escape.dg/*.c >"$out/escape.dg"
ls "$repo"/bench/*.c "$repo"/examples/*.c "$repo"/examples/multi/*.c >"$out/bench+examples"
nfiles=$(cat "$out/torture" "$out/escape.dg" "$out/bench+examples" | wc -l)

# The pipeline around the pass, as built by make.
echo 'int f (void) { return 0; }' >"$out/empty.c"
pipeline=$(cd "$out" && "$GCC" -O2 -fplugin="$repo/plugin/escape.so" -fdump-passes -c empty.c -o empty.o 2>&1 |
	sed 's/^ *//; s/ *: *ON$//; s/ *: *OFF$//' | grep -B2 -A1 '^tree-escape$' | tr '\n' ' ')
echo "measure-positions: $GCC $("$GCC" -dumpfullversion), $nfiles files; -fdump-passes: ${pipeline% }"

objs=()
for o in plugin/escape-*.o plugin/core/*.o; do
	[ "$o" = plugin/escape-plugin.o ] || objs+=("$o")
done

compile_one() {
	local so=$1 dir=$2 src=$3 name
	name=$(echo "$src" | md5sum | cut -c1-12)
	mkdir -p "$dir/files/$name"
	cd "$dir/files/$name" || return
	"$GCC" -O2 -w -fplugin="$so" -fplugin-arg-escape-dump -I"$repo/examples/multi" -c "$src" -o x.o >log 2>&1 ||
		echo "$src" >failed
}
export -f compile_one
export GCC repo

# Per group: files, then sites seen/moved.
header=$(printf '%-10s' position)
for g in "${groups[@]}"; do
	header+=$(printf ' %20s' "$g ($(wc -l <"$out/$g"))")
done
printf '%s %14s %7s\n' "$header" "all" failed
echo "(sites seen/moved to the stack)"
for pos in "${positions[@]}"; do
	pass=${pos%%:*}
	instance=1
	[[ $pos == *:* ]] && instance=${pos#*:}
	dir=$out/$pass-$instance
	mkdir -p "$dir"
	# The plugin's name, which its arguments use, is its file's.
	so=$dir/escape.so
	"$GXX" -std=gnu++17 -O2 -fPIC -fno-rtti -fno-exceptions -I"$plugin_dir/include" -Iplugin/core \
		-DESCAPE_AFTER_PASS="\"$pass\"" -DESCAPE_AFTER_INSTANCE="$instance" \
		-shared -o "$so" plugin/escape-plugin.cc "${objs[@]}" || die "could not build the plugin for $pos"
	line=$(printf '%-10s' "$pass:$instance")
	all_sites=0 all_stack=0
	for g in "${groups[@]}"; do
		# shellcheck disable=SC2016 # the arguments are for bash -c
		tr '\n' '\0' <"$out/$g" |
			xargs -0 -n 1 -P "$(nproc)" bash -c 'compile_one "$0" "$1" "$2"' "$so" "$dir/$g"
		stack=$(find "$dir/$g" -name '*.escape' -exec cat {} + | grep -c '^escape: .* -> stack: ')
		heap=$(find "$dir/$g" -name '*.escape' -exec cat {} + | grep -c '^escape: .* -> heap: ')
		line+=$(printf ' %20s' "$((stack + heap))/$stack")
		all_sites=$((all_sites + stack + heap)) all_stack=$((all_stack + stack))
	done
	failed=$(find "$dir" -name failed | wc -l)
	find "$dir" -name '*.escape' -exec cat {} + | grep -E '^escape: .* -> (stack|heap): ' |
		sed "s|$suite/||g; s|$repo/||g" | LC_ALL=C sort >"$dir/decisions"
	printf '%s %14s %7d\n' "$line" "$all_sites/$all_stack" "$failed"
done
