/* The objects of frame-flags.h still move with -fsplit-stack, and the
   program still works.  */
/* { dg-do run } */
/* Without sibling calls, the tail-call rule (tail-recursion-barrier-run.c)
   stays out of what this test shows.  */
/* { dg-options "-fsplit-stack -fno-optimize-sibling-calls" } */
#include "frame-flags.h"

/* { dg-final { scan-escape "frame-flags.h:24:13: malloc\\(4096\\) -> stack: no-escape" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape-times "frame-flags.h:(49|50|51):1: malloc\\(3072\\) -> stack: no-escape" 3 { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "frame-flags.h:59:13: malloc\\(24\\) -> stack: no-escape" { target { no-opts "-O0" } } } } */
