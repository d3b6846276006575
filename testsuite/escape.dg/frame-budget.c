/* frame-budget-run.c needs another program: a 64 KiB thread stack.  */
/* Conversions in one function stop at the frame budget (32768 bytes by
   default); sites are admitted in order.  */
/* { dg-do compile } */
#include <stdlib.h>

#define USE(p) (p)[0] = 1, s += (p)[0], free (p)

int
many (void)
{
  int s = 0;
  char *a = malloc (4096); USE (a);
  char *b = malloc (4096); USE (b);
  char *c = malloc (4096); USE (c);
  char *d = malloc (4096); USE (d);
  char *e = malloc (4096); USE (e);
  char *f = malloc (4096); USE (f);
  char *g = malloc (4096); USE (g);
  char *h = malloc (4096); USE (h);
  char *i = malloc (4096); USE (i);
  return s;
}

/* { dg-final { scan-escape-times "malloc\\(4096\\) -> stack: no-escape" 8 } } */
/* { dg-final { scan-escape "frame-budget.c:21:13: malloc\\(4096\\) -> heap: frame-budget: 4096 bytes would pass the frame budget" } } */
