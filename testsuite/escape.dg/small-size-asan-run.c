/* stack-if-small under ASan: the slot's bytes past the size are
   poisoned each time it serves, so one byte written past a small object
   is reported (use-after-poison), as the heap reports it
   (heap-buffer-overflow, at -O0 where the pass does not run).  Before
   that, the slot serves again and again with sizes on both sides of its
   256 bytes, calloc's zeroing among them, which must not trip over the
   tail poisoned the time before; and malloc (0) is all tail.  strdup and
   strndup copy strings of up to 300 bytes: one of 256 bytes with its
   zero does not fit the slot.  asprintf formats them into the whole
   slot before it knows whether they fit.  */
/* { dg-do run } */
/* Without sibling calls, the tail-call rule (tail-recursion-barrier-run.c)
   stays out of what this test shows.  */
/* { dg-options "-fsanitize=address -fno-optimize-sibling-calls" } */
/* { dg-shouldfail "one byte written past the object" } */
/* { dg-output "expect (heap-buffer-overflow|use-after-poison)\n.*ERROR: AddressSanitizer: \\1" } */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

volatile size_t size = 8;
volatile size_t sizes[] = { 0, 5, 255, 256, 257, 300 };

__attribute__ ((noinline)) static int
overflow (size_t n)
{
  char *p = malloc (n);
  for (size_t i = 0; i < n; i++)
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
  for (size_t n = 0; n < 60; n++)
    {
      size_t m = sizes[n % 6];
      char *p = calloc (m, 1);
      for (size_t i = 0; i < m; i++)
	p[i] += (char) 1;
      for (size_t i = 0; i < m; i++)
	sum += p[i];
      free (p);
    }
  return sum;
}

static char text[301];

/* Out of the loop: in it, the pointer that asprintf stores would live
   on into the next iteration.  */
__attribute__ ((noinline)) static size_t
formatted_length (const char *s)
{
  char *f;
  if (asprintf (&f, "%s", s) < 0)
    abort ();
  size_t n = strlen (f);
  free (f);
  return n;
}

__attribute__ ((noinline)) static size_t
copies (void)
{
  size_t sum = 0;
  for (size_t n = 0; n < 6; n++)
    {
      size_t m = sizes[n];
      char *s = strdup (text + sizeof text - 1 - m);
      char *t = strndup (text, m);
      sum += strlen (s) + strlen (t) + formatted_length (t);
      free (s);
      free (t);
    }
  return sum;
}

int
main (void)
{
  memset (text, 'x', sizeof text - 1);
  if (copies () != 3 * (5 + 255 + 256 + 257 + 300))
    abort ();
#ifdef __OPTIMIZE__
  fputs ("expect use-after-poison\n", stderr);
#else
  fputs ("expect heap-buffer-overflow\n", stderr);
#endif
  if (reuse () != 10 * (5 + 255 + 256 + 257 + 300))
    abort ();
  return overflow (size) == 7 ? 0 : 2;
}

/* { dg-final { scan-escape "small-size-asan-run.c:28:13: malloc\\(n_\[0-9\]+\\(D\\)\\) -> stack-if-small: unknown-size" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "small-size-asan-run.c:44:17: calloc\\(m_\[0-9\]+, 1\\) -> stack-if-small: unknown-size" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "small-size-asan-run.c:76:17: strdup\\(_\[0-9\]+\\) -> stack-if-small: unknown-size" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "small-size-asan-run.c:77:17: strndup\\(&text, m_\[0-9\]+\\) -> stack-if-small: unknown-size" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "small-size-asan-run.c:62:7: asprintf\\(&f, \"%s\", s_\[0-9\]+\\(D\\)\\) -> stack-if-small: unknown-size" { target { no-opts "-O0" } } } } */
