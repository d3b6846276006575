# Reads the DejaGnu directives of one GCC C torture test and tells
# check-torture.sh how to build it at each optimization level:
#
#   tclsh torture-directives.tcl TEST.c LEVEL...
#
# prints one line per LEVEL, its fields separated by tabs:
#
#   run   LEVEL  FLAGS    build with LEVEL, then FLAGS
#   skip  LEVEL  REASON   the test does not apply here (DejaGnu would say
#                         UNSUPPORTED, or the .x script declines it)
#
# The directives are Tcl, so they are evaluated here the way gcc-dg.exp and
# c-torture.exp of GCC 12 do, against a fixed description of the one target
# the runner supports: x86_64-pc-linux-gnu (LP64) with Debian's GCC.  The
# tests of GCC 11 to 16 use the same directives; an effective-target
# keyword that a newer suite adds and the list below lacks is false, so
# its tests are skipped (and counted as skipped), never run wrongly.
# Tests in execute/ and compile/ carry dg-* comments; those in
# execute/ieee/ and execute/builtins/ use the older c-torture-execute
# driver: the fixed flags of their directory's .exp, then an optional .x
# script beside the test.
#
# dg-xfail-if and friends are ignored: a test that is expected to fail
# also fails without the plugin, and the runner counts it as a baseline
# failure.

set target_triplet x86_64-pc-linux-gnu

# Effective-target keywords true on that target; any other is false.
# Those the suite asks for that are false here include ia32, ilp32, llp64,
# nonpic (Debian's GCC builds PIE by default), short_enums, freestanding,
# newlib_nano_io and run_expensive_tests.
set true_targets {
    R_flag_in_section alloca c99_runtime dfp double64plus exceptions
    fgraphite fileio fopenmp fpic indirect_calls indirect_jumps int128 int32
    int32plus label_values longlong64 lp64 lra mmap named_sections
    non_strict_prototype nonlocal_goto pie ptr32plus pthread return_address
    scheduling signal size20plus size32plus stdint_types trampolines
    untyped_assembly unwrapped
}

proc istarget {pattern} {
    string match $pattern $::target_triplet
}

proc is-effective-target {keyword} {
    expr {$keyword in $::true_targets}
}

# .x scripts call load_lib and check_effective_target_KEYWORD.
proc load_lib {args} {}
proc unknown {command args} {
    if {[regexp {^check_effective_target_(.+)$} $command -> keyword]} {
        return [is-effective-target $keyword]
    }
    error "unknown command $command"
}

# Is SELECTOR true here?  It is a list of triplet patterns and
# effective-target keywords (true if any is), or an expression over such
# lists with !, && and ||, as in target-supports-dg.exp.
proc selector_true {selector} {
    if {[llength $selector] == 2 && [lindex $selector 0] eq "!"} {
        return [expr {![selector_true [lindex $selector 1]]}]
    }
    if {[llength $selector] == 3 && [lindex $selector 1] in {&& ||}} {
        set left [selector_true [lindex $selector 0]]
        set right [selector_true [lindex $selector 2]]
        return [expr {[lindex $selector 1] eq "&&" ? $left && $right
                                                   : $left || $right}]
    }
    foreach item $selector {
        if {[llength $item] > 1} {
            set true [selector_true $item]
        } elseif {[string match *-*-* $item]} {
            set true [istarget $item]
        } else {
            set true [is-effective-target $item]
        }
        if {$true} {
            return 1
        }
    }
    return 0
}

# The optional last argument of dg-do, dg-options and the like:
# { target SELECTOR } limits the directive to some targets; anything
# else (an xfail list) does not stop it from applying.
proc applies {limit} {
    if {[lindex $limit 0] ne "target"} {
        return 1
    }
    selector_true [lrange $limit 1 end]
}

# check-flags of target-supports-dg.exp: do FLAGS contain a match of one
# of the INCLUDE patterns and of none of the EXCLUDE ones?
proc flags_match {flags include exclude} {
    expr {[any_flag_matches $flags $include]
          && ![any_flag_matches $flags $exclude]}
}

proc any_flag_matches {flags patterns} {
    foreach pattern $patterns {
        if {$pattern eq "*"} {
            return 1
        }
        foreach flag $flags {
            if {[string match $pattern $flag]} {
                return 1
            }
        }
    }
    return 0
}

# Reads the dg-* directives of SRC (a test of execute/ or compile/): sets
# ::flags, ::skip (why the whole test is unsupported, or "") and
# ::skip_ifs (the dg-skip-if argument lists, which depend on the level).
proc read_dg_directives {src} {
    # gcc-dg-runtest's default flags; dg-options replaces them.
    set ::flags -w
    set f [open $src]
    # Some tests hold bytes that are not UTF-8; the directives are ASCII.
    fconfigure $f -encoding iso8859-1
    set lines [split [read $f] \n]
    close $f
    set default_action [expr {[string match */execute/* $src] ? "run" : "assemble"}]
    foreach line $lines {
        # The pattern dg-get-options uses: one directive per line.
        if {![regexp {\{[ \t]+(dg-[-a-z]+)[ \t]+(.*)[ \t]+\}} $line -> op args]
            || [catch {llength $args}]} {
            continue
        }
        switch -- $op {
            dg-do {
                set action [lindex $args 0]
                if {![applies [lindex $args 1]]} {
                    set ::skip "dg-do $action only for other targets"
                } elseif {$default_action eq "run" && $action ne "run"} {
                    set ::skip "dg-do $action in execute/"
                }
            }
            dg-options {
                if {[applies [lindex $args 1]]} {
                    set ::flags [lindex $args 0]
                }
            }
            dg-additional-options {
                if {[applies [lindex $args 1]]} {
                    set ::flags [concat $::flags [lindex $args 0]]
                }
            }
            dg-require-effective-target {
                set keyword [lindex $args 0]
                if {[applies [lindex $args 1]] && ![is-effective-target $keyword]} {
                    set ::skip "needs effective target $keyword"
                }
            }
            dg-require-dll {
                set ::skip "needs DLL support"
            }
            dg-skip-if {
                lappend ::skip_ifs $args
            }
        }
        # Not handled: dg-add-options (stack_size and ieee, the ones the
        # suite uses, add nothing on this target), the other dg-require-*
        # (alias, weak, visibility, stack size, profiling and stack
        # checking all hold here), expected failures and diagnostics.
    }
}

# c-torture-execute: -w, then the additional flags of the directory's
# .exp, which the .x script may change; it returns 1 to decline the test.
proc read_x_script {src additional_flags} {
    set x_script [file rootname $src].x
    if {[file exists $x_script]} {
        if {[catch {run_x_script $x_script $additional_flags} result]} {
            set ::skip "cannot evaluate [file tail $x_script]: $result"
        } elseif {[lindex $result 0]} {
            set ::skip "[file tail $x_script] declines this target"
        } else {
            set additional_flags [lindex $result 1]
        }
    }
    set ::flags [concat -w $additional_flags]
}

# The .x script runs in a procedure's scope, as in c-torture-execute, where
# additional_flags is a local variable.  Returns {declined flags}.
proc run_x_script {x_script additional_flags} {
    set declined [source $x_script]
    list [expr {$declined eq "1"}] $additional_flags
}

set src [lindex $argv 0]
set levels [lrange $argv 1 end]
set skip ""
set skip_ifs {}

switch [file tail [file dirname $src]] {
    ieee {
        read_x_script $src -fno-inline
    }
    builtins {
        read_x_script $src {-fno-tree-dse -fno-tree-loop-distribute-patterns
                            -fno-tracer -fno-ipa-ra -fno-inline-functions}
    }
    default {
        read_dg_directives $src
    }
}

foreach level $levels {
    set reason $skip
    foreach skip_if $skip_ifs {
        # dg-skip-if MESSAGE SELECTOR ?INCLUDE? ?EXCLUDE?
        lassign $skip_if message selector include exclude
        if {[llength $skip_if] < 3} {
            set include *
        }
        if {$reason eq "" && [selector_true $selector]
            && [flags_match [concat $level $flags] $include $exclude]} {
            set reason "dg-skip-if: $message"
        }
    }
    if {$reason eq ""} {
        puts "run\t$level\t[join $flags]"
    } else {
        puts "skip\t$level\t$reason"
    }
}
