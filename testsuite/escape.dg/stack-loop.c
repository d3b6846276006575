/* An allocation that does not outlive its iteration moves, also when it
   is never freed; its life ends where the loop goes round again.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fdump-tree-forwprop1" } */
#include <stdlib.h>

long
never_freed (int n)
{
  long sum = 0;
  for (int i = 0; i < n; i++)
    {
      int *p = malloc (256);
      p[i & 63] = i;
      sum += p[i & 63];
    }
  return sum;
}

/* { dg-final { scan-escape "malloc\\(256\\) -> stack: no-escape: never freed" } } */
/* { dg-final { scan-tree-dump-times "escape\\.\[0-9\]+ =\\{v\\} \\{CLOBBER\\(eol\\)\\}" 1 "forwprop1" } } */
