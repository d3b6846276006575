/* stack-if-small: a malloc or calloc whose size has no bound gets a slot
   of small-size bytes (256 by default) for the sizes up to it, and the
   heap for the larger ones.  Each size is written whole and read back:
   a size above 256 taken into the slot would write past it into the
   frame (64 KiB past it here; one byte past it is for ASan to see,
   small-size-asan-run.c).  calloc must zero the slot each time it
   serves, after the last round left bytes in it, and must not take it
   when a * b wraps.  A negative int converted to size_t is a huge size:
   the heap, which fails.  malloc (0) may return a unique pointer, which
   the slot is.  Two live objects of two sites never share an address.
   The frees' guards have small-size-free-run.c.  GCC 15 removes an
   allocation whose bytes it can fold, and then takes it as not null:
   the byte read back is one GCC cannot know.  */
/* { dg-do run } */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

volatile size_t sizes[] = { 0, 1, 255, 256, 257, 1000, 65536 };
volatile int minus_one = -1;
volatile size_t huge = SIZE_MAX / 2 + 2;
volatile size_t zero;

__attribute__ ((noinline)) static int
fill (size_t n)
{
  char *p = malloc (n);
  if (!p)
    return -1;
  memset (p, 7, n);
  int sum = 0;
  for (size_t i = 0; i < n; i++)
    sum += p[i];
  free (p);
  return sum;
}

__attribute__ ((noinline)) static int
zeroed (size_t rounds)
{
  int bad = 0;
  for (size_t r = 0; r < rounds; r++)
    {
      size_t n = sizes[r % 7];
      unsigned char *p = calloc (n, 1);
      if (!p)
	return -1;
      for (size_t i = 0; i < n; i++)
	bad += p[i] != 0;
      memset (p, 0xff, n);
      free (p);
    }
  return bad;
}

__attribute__ ((noinline)) static int
wraps (size_t a, size_t b)
{
  char *p = calloc (a, b);
  if (!p)
    return 0;
  p[0] = 1;
  int r = p[zero];
  free (p);
  return r;
}

__attribute__ ((noinline)) static int
from_int (int n)
{
  char *p = malloc (n);
  if (!p)
    return 0;
  p[0] = 1;
  int r = p[zero];
  free (p);
  return r;
}

__attribute__ ((noinline)) static int
distinct (size_t n)
{
  char *p = malloc (n);
  char *q = malloc (n);
  if (!p || !q)
    return -1;
  /* Only control flow depends on the comparison: its value would carry
     the addresses (returned).  */
  if (p == q)
    abort ();
  free (p);
  free (q);
  return 0;
}

int
main (void)
{
  for (int i = 0; i < 7; i++)
    if (fill (sizes[i]) != 7 * (int) sizes[i])
      {
	printf ("fill (%zu) is wrong\n", sizes[i]);
	return 1;
      }
  if (zeroed (70) != 0)
    {
      puts ("calloc left bytes of an earlier round");
      return 1;
    }
  if (wraps (huge, 2) != 0 || wraps (2, huge) != 0)
    {
      puts ("calloc took the slot for a product that wraps");
      return 1;
    }
  if (from_int (minus_one) != 0)
    {
      puts ("malloc ((size_t) -1) did not fail");
      return 1;
    }
  if (distinct (0) != 0 || distinct (16) != 0 || distinct (300) != 0)
    {
      puts ("two live objects share an address");
      return 1;
    }
  return 0;
}

/* { dg-final { scan-escape "small-size-run.c:28:13: malloc\\(n_\[0-9\]+\\(D\\)\\) -> stack-if-small: unknown-size: sizes up to 256 bytes in a stack slot, larger ones on the heap \\(not constant, and no bound is known\\); freed at small-size-run.c:35:3" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "small-size-run.c:46:26: calloc\\(\[a-z_0-9\]+, 1\\) -> stack-if-small: unknown-size" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "small-size-run.c:60:13: calloc\\(a_\[0-9\]+\\(D\\), b_\[0-9\]+\\(D\\)\\) -> stack-if-small: unknown-size" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "small-size-run.c:72:13: malloc\\(\[a-z_0-9\]+\\) -> stack-if-small: unknown-size" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape-times "-> stack-if-small: unknown-size" 6 { target { no-opts "-O0" } } } } */
