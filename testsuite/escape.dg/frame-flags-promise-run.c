/* -Wframe-larger-than= is a promise the moves keep: plain GCC builds
   this with -Werror=frame-larger-than=8000, and so must the plugin.
   near's frame holds 3990 bytes; 4001 more would fit the limit by the
   bytes alone, but not with the slot's padding and the frame's own
   overhead.  room's 2000 + 4000 bytes fit with a margin, and move.  */
/* { dg-do run } */
/* Without sibling calls, the tail-call rule (tail-recursion-barrier-run.c)
   stays out of what this test shows.  */
/* { dg-options "-Werror=frame-larger-than=8000 -fno-optimize-sibling-calls" } */
#include <stdlib.h>
#include <string.h>

__attribute__ ((noinline)) static int
use (char *p, int n, int v)
{
  memset (p, v, n);
  return p[n - 1];
}

__attribute__ ((noinline)) int
near (int v)
{
  char local[3990];
  char *p = malloc (4001);
  int r = use (local, sizeof local, v) + use (p, 4001, v + 1);
  free (p);
  return r;
}

__attribute__ ((noinline)) int
room (int v)
{
  char local[2000];
  char *p = malloc (4000);
  int r = use (local, sizeof local, v) + use (p, 4000, v + 1);
  free (p);
  return r;
}

int
main (void)
{
  if (near (1) != 3 || room (2) != 5)
    abort ();
  return 0;
}

/* { dg-final { scan-escape "frame-flags-promise-run.c:24:13: malloc\\(4001\\) -> heap: frame-budget: 4001 bytes would pass the frame budget, or the frame limit of -Wframe-larger-than= or -Wstack-usage=" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "frame-flags-promise-run.c:34:13: malloc\\(4000\\) -> stack: no-escape" { target { no-opts "-O0" } } } } */
