/* Recursion through a constant table: the first CCP turns the indirect
   call into a direct call of walk to itself, after the pass saw the unit
   first (pick, a callee, comes first).  The indirect call already made
   walk a function that may recur.  */
/* { dg-do run } */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int walk (int depth);

static int (*const table[1]) (int) = { walk };

__attribute__ ((noinline)) int
pick (const char *p, int i)
{
  return p[i];
}

int
walk (int depth)
{
  char *buf = malloc (4000);
  if (!buf)
    return -1;
  memset (buf, depth & 0xff, 4000);
  int r = depth > 0 ? table[0] (depth - 1) : 0;
  r += pick (buf, depth % 4000);
  free (buf);
  return r;
}

int
main (void)
{
  printf ("%d\n", walk (5000));
  return 0;
}
