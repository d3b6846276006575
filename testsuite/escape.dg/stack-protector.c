/* The objects of frame-flags.h still move with -fstack-protector-strong,
   and the program still works.  */
/* { dg-do run } */
/* -save-temps=obj keeps the assembly in the test's directory for
   scan-assembler; -fdirectives-only leaves the macros to the compiler,
   so that the report gives the locations of frame-flags.h's LINK.  */
/* Without sibling calls, the tail-call rule (tail-recursion-barrier-run.c)
   stays out of what this test shows.  */
/* { dg-options "-fstack-protector-strong -save-temps=obj -fdirectives-only -fno-optimize-sibling-calls" } */
#include "frame-flags.h"

/* { dg-final { scan-escape "frame-flags.h:24:13: malloc\\(4096\\) -> stack: no-escape" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape-times "frame-flags.h:(49|50|51):1: malloc\\(3072\\) -> stack: no-escape" 3 { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "frame-flags.h:59:13: malloc\\(24\\) -> stack: no-escape" { target { no-opts "-O0" } } } } */
/* The moved objects are arrays, so their frames get a canary: page (),
   the three links and small ().  */
/* { dg-final { scan-assembler-times "call\t__stack_chk_fail" 5 { target { no-opts "-O0" } } } } */
