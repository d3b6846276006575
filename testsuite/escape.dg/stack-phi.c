/* Two allocations merged in a phi and freed once both move; the free is
   dropped rather than replaced by a clobber, since it may end either.
   Each must keep its own bytes.  */
/* { dg-do run } */
/* { dg-options "-fdump-tree-optimized" } */
#include <stdlib.h>

__attribute__((noinline)) static int
pick (int c)
{
  char *a = malloc (16);
  char *b = malloc (24);
  for (int i = 0; i < 16; i++)
    a[i] = (char) i;
  for (int i = 0; i < 24; i++)
    b[i] = (char) (100 + i);
  char *p = c ? a : b;
  int r = p[c ? 15 : 23];
  free (p);
  return r;
}

int
main (void)
{
  if (pick (1) != 15 || pick (0) != 123)
    abort ();
  return 0;
}

/* { dg-final { scan-escape "malloc\\(16\\) -> stack: no-escape: freed at stack-phi.c:19:3" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(24\\) -> stack: no-escape: freed at stack-phi.c:19:3" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-tree-dump-not "free \\(" "optimized" { target { no-opts "-O0" } } } } */
