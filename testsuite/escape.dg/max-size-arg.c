/* max-size=N moves the size limit.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-escape-max-size=100" } */
#include <stdlib.h>

int
f (void)
{
  char *a = malloc (100);
  char *b = malloc (101);
  a[0] = 1;
  b[0] = 2;
  int r = a[0] + b[0];
  free (a);
  free (b);
  return r;
}

/* { dg-final { scan-escape "malloc\\(100\\) -> stack" } } */
/* { dg-final { scan-escape "malloc\\(101\\) -> heap: too-large: 101 bytes, above max-size 100" } } */
