/* A site whose size is bounded but not constant gets a slot of the
   bound.  Under ASan the bytes between the size and the bound are
   poisoned each time the site runs, as the heap object's tail would be:
   one byte written past the size is reported (use-after-poison), where
   the heap reports a heap-buffer-overflow (at -O0, where the pass does
   not run).  Before that, the slot is used again and again with sizes up
   to the bound, calloc's zeroing among them, which must not trip over
   the tail poisoned the time before.  */
/* { dg-do run } */
/* { dg-options "-fsanitize=address" } */
/* { dg-shouldfail "one byte written past the object" } */
/* { dg-output "expect (heap-buffer-overflow|use-after-poison)\n.*ERROR: AddressSanitizer: \\1" } */
#include <stdio.h>
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

__attribute__ ((noinline)) static int
reuse (void)
{
  int sum = 0;
  for (unsigned n = 1; n <= 64; n++)
    {
      unsigned m = (n * 37) % 64 + 1;
      char *p = calloc (m, 1);
      for (unsigned i = 0; i < m; i++)
	p[i] += (char) i;
      sum += p[m - 1];
      free (p);
    }
  return sum;
}

int
main (void)
{
#ifdef __OPTIMIZE__
  fputs ("expect use-after-poison\n", stderr);
#else
  fputs ("expect heap-buffer-overflow\n", stderr);
#endif
  if (reuse () != 2016)
    abort ();
  return overflow (size) == 7 ? 0 : 2;
}

/* { dg-final { scan-escape "asan-bound-run.c:23:13: malloc\\(_\[0-9\]+\\) -> stack: no-escape" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "asan-bound-run.c:39:17: calloc\\(_\[0-9\]+, 1\\) -> stack: no-escape" { target { no-opts "-O0" } } } } */
