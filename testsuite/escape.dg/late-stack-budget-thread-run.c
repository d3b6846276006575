/* The stack budget after IPA inlining, on a thread with a 64 KiB stack.
   third moves 30 KiB early.  first and second each get 30 KiB from a
   wrapper the IPA inliner puts into them, with a free after: the late
   instance could move both, but the unit would then hold 90 KiB of
   moved bytes, and the chain main's thread runs would pass its stack.
   The budget (32768 bytes by default) bounds all moved bytes of the
   unit together.  */
/* { dg-do run } */
/* Without sibling calls, the tail-call rule (tail-recursion-barrier-run.c)
   stays out of what this test shows.  */
/* { dg-options "-pthread -fplugin-arg-escape-max-size=32768 -fno-optimize-sibling-calls" } */
#include <stdio.h>
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

/* Two wrappers, each called once and too large for the early inliner;
   they differ, so that no pass merges them.  */
static char *
block_for_second (int v)
{
  char *p = malloc (BYTES);
  if (v > 1000)
    printf ("second %d\n", v);
  if (v > 2000)
    printf ("second, more %d\n", v);
  if (v > 3000)
    printf ("second, most %d\n", v);
  return p;
}

static char *
block_for_first (int v)
{
  char *p = malloc (BYTES);
  if (v > 1001)
    printf ("first %d\n", v);
  if (v > 2001)
    printf ("first, more %d\n", v);
  if (v > 3001)
    printf ("first, most %d\n", v);
  return p;
}

__attribute__ ((noinline)) static int
second (int v)
{
  char *p = block_for_second (v);
  int r = fill (p, v) / 2 + third (v + 1);
  free (p);
  return r;
}

__attribute__ ((noinline)) static int
first (int v)
{
  char *p = block_for_first (v);
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

/* { dg-final { scan-escape "late-stack-budget-thread-run.c:30:13: malloc\\(30720\\) -> stack: no-escape" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape-times "-> stack" 1 { target { no-opts "-O0" } } } } */
