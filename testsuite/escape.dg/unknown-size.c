/* A size with no constant value and no bound keeps the heap (small-size=0:
   no stack-if-small slot): one known only at run time (64 MiB here) would
   overflow the stack.  A size that ranger bounds moves, with a slot of the
   bound's size, which must be big enough for the size's largest value.  */
/* { dg-do run } */
/* { dg-options "-fdump-tree-optimized -fplugin-arg-escape-small-size=0" } */
#include <stdlib.h>
#include <string.h>

volatile unsigned big_size = 64u << 20, hundred = 100, large = 100000;

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
  if (n > 100)
    return -1;
  char *p = malloc (n + 1);
  memset (p, 0, n + 1);
  int r = p[n];
  free (p);
  return r;
}

__attribute__((noinline)) static int
bound_too_big (unsigned n)
{
  if (n > 100000)
    return -1;
  char *p = malloc (n + 1);
  memset (p, 0, n + 1);
  int r = p[n];
  free (p);
  return r;
}

__attribute__((noinline)) static int
clamped (unsigned n)
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
  if (bounded (hundred) != 0 || bound_too_big (large) != 0)
    abort ();
  if (clamped (1000) != 3 * 256 || clamped (4) != 3 * 60)
    abort ();
  return 0;
}

/* { dg-final { scan-escape "unknown-size.c:15:13: malloc\\(\[a-z_0-9\]+\\) -> heap: unknown-size: not constant, at most 4294967295 bytes" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "unknown-size.c:29:13: malloc\\(\[a-z_0-9\]+\\) -> stack: no-escape" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "unknown-size.c:41:13: malloc\\(\[a-z_0-9\]+\\) -> heap: unknown-size: not constant, at most 100001 bytes, above max-size 4096" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "unknown-size.c:53:13: malloc\\(\[a-z_0-9\]+\\) -> stack: no-escape" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-tree-dump "escape\[.0-9\]*\\\[101\\\]" "optimized" { target { no-opts "-O0" } } } } */
