/* Under -Wframe-larger-than=, a frame that holds moved objects takes no
   callee by inlining.  GCC lets inlining grow a frame by ten times its
   size: grow, with its 3000-byte array, stays out of the small frame of
   plain GCC's fill, but fits one that moved 7600 bytes, and the two
   would pass the limit.  */
/* { dg-do run } */
/* { dg-options "-Werror=frame-larger-than=8000" } */
#include <stdlib.h>
#include <string.h>

__attribute__ ((noinline)) static int
use (char *p, int n, int v)
{
  memset (p, v, n);
  return p[n - 1];
}

static int
grow (int v)
{
  char local[3000];
  return use (local, sizeof local, v);
}

__attribute__ ((noinline)) int
fill (int v)
{
  char *a = malloc (4000);
  char *b = malloc (3600);
  int r = use (a, 4000, v) + use (b, 3600, v) + grow (v);
  free (a);
  free (b);
  return r;
}

int
main (void)
{
  if (fill (1) != 3)
    abort ();
  return 0;
}
