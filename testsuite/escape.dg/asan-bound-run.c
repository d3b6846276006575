/* A site whose size is bounded but not constant would get a slot of the
   bound, and ASan would not poison the bytes between the size and the
   bound: under ASan such a site keeps the heap, where writing one byte
   past the size is still reported.  */
/* { dg-do run } */
/* { dg-options "-fsanitize=address" } */
/* { dg-shouldfail "one byte written past the object" } */
/* { dg-output "ERROR: AddressSanitizer: heap-buffer-overflow" } */
#include <stdlib.h>

volatile unsigned size = 8;

__attribute__ ((noinline)) static int
overflow (unsigned n)
{
  if (n > 64)
    n = 64;
  char *p = malloc (n);
  for (unsigned i = 0; i < n; i++)
    p[i] = (char) i;
  p[n] = 1;
  int r = p[n - 1];
  free (p);
  return r;
}

int
main (void)
{
  return overflow (size) == 7 ? 0 : 2;
}
