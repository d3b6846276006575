/* With -fno-builtin-malloc the call is not GCC's malloc: the site is
   reported and left alone, and the program still works.  */
/* { dg-do run } */
/* { dg-options "-fno-builtin-malloc" } */
#include <stdlib.h>

__attribute__((noinline)) static int
f (void)
{
  char *p = malloc (16);
  p[0] = 1;
  int r = p[0];
  free (p);
  return r;
}

int
main (void)
{
  if (f () != 1)
    abort ();
  return 0;
}

/* { dg-final { scan-escape "malloc\\(16\\) -> heap: not-builtin" { target { no-opts "-O0" } } } } */
