/* A size known only at run time (64 MiB here) would overflow the stack;
   a bounded one must get a slot big enough for its largest value.  */
/* { dg-do run } */
#include <stdlib.h>
#include <string.h>

volatile unsigned big_size = 64u << 20;

__attribute__((noinline)) static int
unbounded (unsigned n)
{
  char *p = malloc (n);
  if (!p)
    return 1;
  memset (p, 1, n);
  int r = p[n - 1];
  free (p);
  return r;
}

__attribute__((noinline)) static int
bounded (unsigned n)
{
  if (n > 200)
    n = 200;
  char *p = malloc (n + 56);
  memset (p, 3, n + 56);
  int s = 0;
  for (unsigned i = 0; i < n + 56; i++)
    s += p[i];
  free (p);
  return s;
}

int
main (void)
{
  if (unbounded (big_size) != 1)
    abort ();
  if (bounded (1000) != 3 * 256 || bounded (4) != 3 * 60)
    abort ();
  return 0;
}
