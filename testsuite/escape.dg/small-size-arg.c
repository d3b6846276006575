/* -fplugin-arg-escape-small-size=N sets the slot of stack-if-small
   (here 64 bytes), which the report states; small-size-off.c turns it
   off.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-escape-small-size=64" } */
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

/* { dg-final { scan-escape "small-size-arg.c:15:13: malloc\\(n_\[0-9\]+\\) -> stack-if-small: unknown-size: sizes up to 64 bytes in a stack slot, larger ones on the heap \\(not constant, at most \[0-9\]+ bytes, above max-size 4096\\); freed at small-size-arg.c:18:3" } } */
