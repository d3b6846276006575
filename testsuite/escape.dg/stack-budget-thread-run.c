/* A chain of calls on a thread with a 64 KiB stack.  Each of the three
   functions moves 30 KiB, within the frame budget, but the chain would
   take 90 KiB; the stack budget (32768 bytes by default) moves only the
   first the pass decides, the deepest.  */
/* { dg-do run } */
/* Without sibling calls, the tail-call rule (tail-recursion-barrier-run.c)
   stays out of what this test shows.  */
/* { dg-options "-pthread -fplugin-arg-escape-max-size=32768 -fno-optimize-sibling-calls" } */
#include <stdlib.h>
#include <string.h>
#include "small-thread.h"

#define BYTES (30 * 1024)

/* Out of line, so that every byte goes through memory.  */
__attribute__ ((noinline)) static int
fill (char *p, int v)
{
  memset (p, v, BYTES);
  return p[v % BYTES] + p[BYTES - 1 - v % BYTES];
}

__attribute__ ((noinline)) static int
third (int v)
{
  char *p = malloc (BYTES);
  int r = fill (p, v) / 2;
  free (p);
  return r;
}

__attribute__ ((noinline)) static int
second (int v)
{
  char *p = malloc (BYTES);
  int r = fill (p, v) / 2 + third (v + 1);
  free (p);
  return r;
}

__attribute__ ((noinline)) static int
first (int v)
{
  char *p = malloc (BYTES);
  int r = fill (p, v) / 2 + second (v + 1);
  free (p);
  return r;
}

int
main (void)
{
  if (on_small_thread (first, 1) != 1 + 2 + 3)
    abort ();
  return 0;
}

/* { dg-final { scan-escape "stack-budget-thread-run.c:26:13: malloc\\(30720\\) -> stack: no-escape" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "stack-budget-thread-run.c:35:13: malloc\\(30720\\) -> heap: stack-budget: 30720 bytes would pass the stack budget of 32768: 30720 bytes are on the heaviest chain of calls through second" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "stack-budget-thread-run.c:44:13: malloc\\(30720\\) -> heap: stack-budget" { target { no-opts "-O0" } } } } */
