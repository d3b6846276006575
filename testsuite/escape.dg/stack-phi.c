/* Two allocations merged in a phi and freed once both move; the free is
   dropped rather than replaced by a clobber, since it may end either.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fdump-tree-optimized" } */
#include <stdlib.h>

int
pick (int c)
{
  char *a = malloc (16);
  char *b = malloc (24);
  a[0] = 1;
  b[0] = 2;
  char *p = c ? a : b;
  int r = p[0];
  free (p);
  return r;
}

/* { dg-final { scan-escape "malloc\\(16\\) -> stack: no-escape: freed at stack-phi.c:16:3" } } */
/* { dg-final { scan-escape "malloc\\(24\\) -> stack: no-escape: freed at stack-phi.c:16:3" } } */
/* { dg-final { scan-tree-dump-not "free \\(" "optimized" } } */
