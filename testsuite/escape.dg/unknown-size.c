/* A size with no constant value and no bound keeps the heap; a size that
   ranger bounds moves, with a slot of the bound's size.  */
/* { dg-do compile } */
#include <stdlib.h>
#include <string.h>

int
unbounded (unsigned n)
{
  char *p = malloc (n);
  memset (p, 0, n);
  int r = p[0];
  free (p);
  return r;
}

int
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

int
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

/* { dg-final { scan-escape "unknown-size.c:10:13: malloc\\(\[a-z_0-9\]+\\) -> heap: unknown-size: not constant, at most 4294967295 bytes" } } */
/* { dg-final { scan-escape "unknown-size.c:22:13: malloc\\(\[a-z_0-9\]+\\) -> stack: no-escape" } } */
/* { dg-final { scan-escape "unknown-size.c:34:13: malloc\\(\[a-z_0-9\]+\\) -> heap: unknown-size: not constant, at most 100001 bytes, above max-size 4096" } } */
/* { dg-final { scan-tree-dump "escape\[.0-9\]*\\\[101\\\]" "optimized" } } */
/* { dg-options "-O2 -fdump-tree-optimized" } */
