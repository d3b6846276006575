/* A function that forwards its arguments with __builtin_apply_args and
   __builtin_apply uses its parameters without naming them, so nothing
   in its body says what becomes of them: it has no summary, and what it
   is given keeps the heap.  Here the callee it forwards to keeps the
   pointer, which is read after the allocating function has returned.
   The store through p is volatile so that GCC keeps it: its own
   summary of forward () misses the use too.  */
/* { dg-do run } */
#include <stdlib.h>
#include "scribble.h"

int *kept;

__attribute__((noinline)) void
keep (int *p)
{
  kept = p;
}

__attribute__((noinline)) void
forward (int *p)
{
  void *args = __builtin_apply_args ();
  __builtin_apply ((void (*) ()) keep, args, 64);
}

__attribute__((noinline)) void
handed_on (void)
{
  volatile int *p = malloc (sizeof *p * 10);
  *p = 42;
  forward ((int *) p);
}

int
main (void)
{
  handed_on ();
  scribble ();
  if (*kept != 42)
    abort ();
  free (kept);
  return 0;
}

/* { dg-final { scan-escape "malloc\\(40\\) -> heap: passed-to-call: forward" { target { no-opts "-O0" } } } } */
