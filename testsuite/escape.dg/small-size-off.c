/* small-size=0 turns stack-if-small off, and so does a small-size
   above max-size (a slot is one moved object): the site keeps the
   heap, unknown-size.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-escape-small-size=128 -fplugin-arg-escape-max-size=64" } */
#include <stdlib.h>
#include <string.h>

void sink (int) __attribute__ ((leaf));

void
copy (const char *s)
{
  size_t n = strlen (s) + 1;
  char *p = malloc (n);
  memcpy (p, s, n);
  sink (p[0]);
  free (p);
}

/* { dg-final { scan-escape "small-size-off.c:15:13: malloc\\(n_\[0-9\]+\\) -> heap: unknown-size: not constant, at most \[0-9\]+ bytes, above max-size 64$" } } */
