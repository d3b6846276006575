/* An allocation that does not outlive its iteration moves, also when it
   is never freed.  */
/* { dg-do compile } */
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
