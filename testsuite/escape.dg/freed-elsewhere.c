/* freed-elsewhere-run.c needs another program: an opaque allocator.  */
/* A free that may also free a heap object, or a callee that frees the
   object, keeps it on the heap.  */
/* { dg-do compile } */
#include <stdlib.h>

extern char *other (void) __attribute__ ((leaf)); /* see recursive.c */

__attribute__((noinline)) static void
release (char *p)
{
  free (p);
}

void
mixed_free (int c)
{
  char *a = malloc (40);
  char *b = c ? a : other ();
  b[0] = 0;
  free (b);
}

void
callee_frees (void)
{
  char *p = malloc (41);
  p[0] = 1;
  release (p);
}

/* { dg-final { scan-escape "malloc\\(40\\) -> heap: freed-elsewhere: a free at freed-elsewhere.c:21:3 may also free an object that stays on the heap" } } */
/* { dg-final { scan-escape "malloc\\(41\\) -> heap: freed-elsewhere: release \\(p_\[0-9\]+\\)" } } */
