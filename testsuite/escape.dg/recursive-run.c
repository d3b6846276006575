/* 20000 frames of 4000 bytes is 80 MB: far past an 8 MiB stack if the
   allocation moved into the recursive frame.  */
/* { dg-do run } */
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static int
deep (int n)
{
  char *p = malloc (4000);
  memset (p, n & 1, 4000);
  int r = n == 0 ? 0 : deep (n - 1) + p[3999];
  free (p);
  return r;
}

int
main (void)
{
  if (deep (20000) != 10000)
    abort ();
  return 0;
}
