/* A site the frame budget refuses keeps on the heap every site that may
   share a free with it.  p fits the budget of 32 bytes and q does not;
   one free may free either, so the free rule keeps p on the heap too.
   Were p moved, that free, kept for q, would free p's stack slot and
   glibc would abort.  */
/* { dg-do run } */
/* { dg-options "-fplugin-arg-escape-frame-budget=32" } */
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static int
both (volatile int *first)
{
  char *p = malloc (16);
  char *q = malloc (64);
  memset (p, 1, 16);
  memset (q, 2, 64);
  int s = p[15] + q[63];
  free (*first ? p : q);
  free (*first ? q : p);
  return s;
}

int
main (void)
{
  volatile int first = 1;
  if (both (&first) != 3)
    abort ();
  first = 0;
  if (both (&first) != 3)
    abort ();
  return 0;
}

/* { dg-final { scan-escape "frame-budget-free.c:15:13: malloc\\(64\\) -> heap: frame-budget" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "frame-budget-free.c:14:13: malloc\\(16\\) -> heap: freed-elsewhere" { target { no-opts "-O0" } } } } */
