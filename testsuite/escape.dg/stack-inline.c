/* A rewritten function stays inlinable, and a moved function keeps its
   tail call.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fdump-tree-optimized" } */
#include <stdlib.h>
#include <string.h>

extern int consume (int) __attribute__ ((leaf)); /* recursive-tail-run.c */

static int
helper (int n)
{
  char *p = malloc (16);
  memset (p, n, 16);
  int r = p[n & 15];
  free (p);
  return r;
}

int
caller (int n)
{
  return helper (n) + helper (n + 1);
}

int
tail (int n)
{
  char *p = malloc (32);
  memset (p, n, 32);
  int r = p[n & 31];
  free (p);
  return consume (r);
}

/* { dg-final { scan-escape "stack-inline.c:13:13: malloc\\(16\\) -> stack" } } */
/* { dg-final { scan-escape "stack-inline.c:29:13: malloc\\(32\\) -> stack" } } */
/* { dg-final { scan-tree-dump-not "helper \\(" "optimized" } } */
/* { dg-final { scan-tree-dump "consume \\(\[^\n\]*\\); \\\[tail call\\\]" "optimized" } } */
