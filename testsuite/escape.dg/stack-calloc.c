/* stack-calloc-run.c needs another program: calloc in a loop.  */
/* calloc moves with its zeroing.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fdump-tree-optimized" } */
#include <stdlib.h>

int
counts (const unsigned char *data, int len)
{
  int *c = calloc (256, sizeof *c);
  for (int i = 0; i < len; i++)
    c[data[i]]++;
  int r = c['a'];
  free (c);
  return r;
}

/* { dg-final { scan-escape "calloc\\(256, 4\\) -> stack: no-escape: freed at stack-calloc.c:14:3" } } */
/* { dg-final { scan-tree-dump-not "calloc" "optimized" } } */
