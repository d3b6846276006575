/* A site whose size has no bound gets the stack-if-small slot only when
   unknown-size is the only rule it fails: a realloc of the slot, or a
   free in a callee, would free a stack address; a pointer carried into
   the next round of a loop would see the slot reused; a recursive frame
   has 25 bytes of allowance, less than the slot's 256.  The slot counts
   against the frame budget (300 here) as a moved object of 256 bytes:
   the second site of a frame does not fit.  A free that may free the
   site and a moved object keeps the moved one on the heap, and guards
   the free.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-escape-frame-budget=300" } */
#include <stdlib.h>
#include <string.h>

void sink (int) __attribute__ ((leaf));

char *
grown (size_t n)
{
  char *p = malloc (n);
  char *q = realloc (p, 2 * n);
  memset (q, 0, 2 * n);
  sink (q[n]);
  free (q);
  return 0;
}

__attribute__ ((noinline)) static void
release (char *p)
{
  free (p);
}

void
freed_in_callee (size_t n)
{
  char *p = malloc (n);
  memset (p, 0, n);
  sink (p[0]);
  release (p);
}

void
carried (size_t n, int k)
{
  char *prev = 0;
  for (int i = 0; i < k; i++)
    {
      char *p = malloc (n);
      p[0] = prev ? prev[0] + 1 : 0;
      free (prev);
      prev = p;
    }
  free (prev);
}

int
recurse (size_t n)
{
  char *p = malloc (n);
  memset (p, 1, n);
  int r = p[0] + (n > 1 ? recurse (n - 1) : 0);
  free (p);
  return r;
}

void
two (size_t n, size_t m)
{
  char *p = malloc (n);
  char *q = malloc (m);
  memset (p, 0, n);
  memset (q, 0, m);
  sink (p[0] + q[0]);
  free (p);
  free (q);
}

void
shared_free (size_t n, int c)
{
  char *p = malloc (n);
  char *q = malloc (16);
  p[0] = 1;
  q[0] = 2;
  char *r = c ? p : q;
  sink (r[0]);
  free (r);
  if (c)
    free (q);
  else
    free (p);
}

/* { dg-final { scan-escape "small-size-keeps.c:20:13: malloc\\(n_\[0-9\]+\\(D\\)\\) -> heap: resized" } } */
/* { dg-final { scan-escape "small-size-keeps.c:37:13: malloc\\(n_\[0-9\]+\\(D\\)\\) -> heap: freed-elsewhere" } } */
/* { dg-final { scan-escape "small-size-keeps.c:49:17: malloc\\(n_\[0-9\]+\\(D\\)\\) -> heap: unknown-size" } } */
/* { dg-final { scan-escape "small-size-keeps.c:60:13: malloc\\(n_\[0-9\]+\\(D\\)\\) -> heap: unknown-size" } } */
/* { dg-final { scan-escape "small-size-keeps.c:70:13: malloc\\(n_\[0-9\]+\\(D\\)\\) -> stack-if-small: unknown-size" } } */
/* { dg-final { scan-escape "small-size-keeps.c:71:13: malloc\\(m_\[0-9\]+\\(D\\)\\) -> heap: frame-budget: 256 bytes would pass the frame budget" } } */
/* { dg-final { scan-escape "two: 2 sites, 0 stack, 1 stack-if-small, 1 heap" } } */
/* { dg-final { scan-escape "small-size-keeps.c:82:13: malloc\\(n_\[0-9\]+\\(D\\)\\) -> stack-if-small: unknown-size" } } */
/* { dg-final { scan-escape "small-size-keeps.c:83:13: malloc\\(16\\) -> heap: freed-elsewhere" } } */
/* { dg-final { scan-escape-json {"line":70,.*"bytes":null,"bytes_is_bound":false,"decision":"stack-if-small","reason":"unknown-size","reasons":\["unknown-size"\],"detail":"sizes up to 256 bytes} } } */
