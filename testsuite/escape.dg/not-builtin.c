/* With -fno-builtin-malloc the call is not GCC's malloc: the site is
   reported and left alone.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fno-builtin-malloc" } */
#include <stdlib.h>

int
f (void)
{
  char *p = malloc (16);
  p[0] = 1;
  int r = p[0];
  free (p);
  return r;
}

/* { dg-final { scan-escape "malloc\\(16\\) -> heap: not-builtin" } } */
