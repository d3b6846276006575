/* An always_inline function is inlined into every caller, and no call of
   it can be refused: its sites take the recursion of the frames it goes
   into.  rec recurs 40000 times; with work's 240 bytes in each frame it
   would pass an 8 MiB stack.  */
/* { dg-do run } */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline __attribute__ ((always_inline)) int
work (int k)
{
  char *p = malloc (240);
  memset (p, k, 240);
  int s = p[k % 240];
  free (p);
  return s;
}

__attribute__ ((noinline)) int
rec (int n)
{
  if (n == 0)
    return 0;
  int a = work (n);
  return (a + rec (n - 1)) % 1000;
}

int
main (void)
{
  if (rec (40000) != 112)
    abort ();
  return 0;
}

/* { dg-final { scan-escape-times "recursive-always-inline-run.c:13:13: malloc\\(240\\) -> heap: recursive: " 2 { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(240\\) -> heap: recursive: work is inlined into rec: rec is in a call-graph cycle via a call to itself at recursive-always-inline-run.c:26:15; 240 bytes, above the recursion allowance of 25" { target { no-opts "-O0" } } } } */
