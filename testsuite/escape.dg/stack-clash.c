/* The objects of frame-flags.h still move with -fstack-clash-protection,
   and the program still works.  */
/* { dg-do run } */
/* -save-temps=obj keeps the assembly in the test's directory for
   scan-assembler; -fdirectives-only leaves the macros to the compiler,
   so that the report gives the locations of frame-flags.h's LINK.  */
/* Without sibling calls, the tail-call rule (tail-recursion-barrier-run.c)
   stays out of what this test shows.  */
/* { dg-options "-fstack-clash-protection -save-temps=obj -fdirectives-only -fno-optimize-sibling-calls" } */
#include "frame-flags.h"

/* { dg-final { scan-escape "frame-flags.h:24:13: malloc\\(4096\\) -> stack: no-escape" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape-times "frame-flags.h:(49|50|51):1: malloc\\(3072\\) -> stack: no-escape" 3 { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "frame-flags.h:59:13: malloc\\(24\\) -> stack: no-escape" { target { no-opts "-O0" } } } } */
/* The page-sized frame of page () is probed: with orq up to GCC 15,
   with orb from GCC 16.  */
/* { dg-final { scan-assembler "or\[bq\]\t\\\$0, \\(%rsp\\)" { target { no-opts "-O0" } } } } */
