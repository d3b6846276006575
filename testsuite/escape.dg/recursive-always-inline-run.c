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
