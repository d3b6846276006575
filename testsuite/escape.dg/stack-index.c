/* stack-index-run.c needs another program: checks against local arrays.  */
/* p[i] on a moved object becomes the array access a hand-written local
   array gets, of the element type, so GCC indexes the frame directly
   instead of computing each element's address.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fdump-tree-optimized" } */
#include <stdlib.h>

unsigned
most_frequent (const unsigned char *data, int len)
{
  unsigned *counts = calloc (256, sizeof *counts);
  unsigned best = data[0];
  for (int i = 0; i < len; i++)
    if (++counts[data[i]] > counts[best])
      best = data[i];
  free (counts);
  return best;
}

/* { dg-final { scan-escape "calloc\\(256, 4\\) -> stack" } } */
/* { dg-final { scan-tree-dump-times "MEM <unsigned int\\\[256\\\]> \\\[\\(unsigned int \\*\\)&escape\\.\[0-9\]+\\\]\\\[" 3 "optimized" } } */
