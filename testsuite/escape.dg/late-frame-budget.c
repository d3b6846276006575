/* The frame budget bounds the late instance, counting the slots the
   early instance already put in the frame.  use_blocks moves its own
   4096 bytes early; the wrapper's 3072, inlined later, would take the
   frame past 6000 bytes.  */
/* { dg-do compile } */
/* Without sibling calls, the tail-call rule (tail-recursion-barrier-run.c)
   stays out of what this test shows.  */
/* { dg-options "-fplugin-arg-escape-frame-budget=6000 -fno-optimize-sibling-calls" } */
#include "late-block.h"

/* Read out of line, so that the blocks stay in the frame.  */
__attribute__ ((noinline)) static int
sum_bytes (const char *p, int n)
{
  int sum = 0;
  for (int i = 0; i < n; i++)
    sum += p[i];
  return sum;
}

int
use_blocks (int n)
{
  char *own = malloc (4096);
  memset (own, n, 4096);
  char *p = make_block (n);
  int r = sum_bytes (own, 4096) + sum_bytes (p, 3072);
  free (p);
  free (own);
  return r;
}

/* { dg-final { scan-escape "late-frame-budget.c:24:15: malloc\\(4096\\) -> stack: no-escape" } } */
/* { dg-final { scan-escape "late-block.h:11:13: malloc\\(3072\\) -> heap: returned" } } */
/* { dg-final { scan-escape-not "malloc\\(3072\\) -> stack" } } */
