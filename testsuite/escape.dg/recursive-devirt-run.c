/* A call made direct by IPA: rec gets work through a parameter, IPA-CP
   makes a copy of rec in which the call is direct, and the IPA inliner
   would put work's moved buffer into each of 40000 frames.  A function
   that holds moved bytes and whose address is taken is not inlined.  */
/* { dg-do run } */
#include <stdlib.h>
#include <string.h>

static int
work (int k)
{
  char *p = malloc (240);
  memset (p, k, 240);
  int s = p[k % 240];
  free (p);
  return s;
}

__attribute__ ((noinline)) static int
rec (int n, int (*f) (int))
{
  if (n == 0)
    return 0;
  int a = f (n);
  return (a + rec (n - 1, f)) % 1000;
}

int
main (void)
{
  if (rec (40000, work) != 112)
    abort ();
  return 0;
}
