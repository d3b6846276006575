/* Mutual recursion through direct calls, and a helper with a moved
   buffer that both may inline.  60000 frames of 4000 bytes would pass an
   8 MiB stack, and so would 60000 copies of the helper's 200 bytes.  */
/* { dg-do run } */
#include <stdlib.h>
#include <string.h>

static int odd (int);

static int
helper (int n)
{
  char *p = malloc (200);
  memset (p, n, 200);
  int r = p[n % 200] & 1;
  free (p);
  return r;
}

__attribute__ ((noinline)) static int
even (int n)
{
  char *p = malloc (4000);
  memset (p, 0, 4000);
  int r = n == 0 ? 1 : odd (n - 1) + p[n % 4000] + helper (n) - (n & 1);
  free (p);
  return r;
}

__attribute__ ((noinline)) static int
odd (int n)
{
  return n == 0 ? 0 : even (n - 1) + helper (n) - (n & 1);
}

int
main (void)
{
  if (even (60000) != 1)
    abort ();
  return 0;
}
