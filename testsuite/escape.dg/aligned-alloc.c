/* aligned-alloc-run.c needs another program: misaligned stores fault.  */
/* aligned_alloc moves and keeps its alignment: the frame is realigned to
   64 bytes.  */
/* { dg-do compile } */
/* { dg-options "-O2 -save-temps" } */
#include <stdlib.h>
#include <string.h>

extern void use (int) __attribute__ ((leaf)); /* no call back: recursive.c */

void
aligned (int n)
{
  char *p = aligned_alloc (64, 128);
  memset (p, n, 128);
  use (p[n & 127]);
  free (p);
}

/* { dg-final { scan-escape "aligned_alloc\\(64, 128\\) -> stack: no-escape" } } */
/* { dg-final { scan-assembler "and\[lq\]?\[ \t\]+\\\$-64, %\[re\]sp" } } */
