/* stack-if-small for strdup and strndup: a copy of a string shorter than
   small-size (256) bytes takes the slot with its terminating zero, and a
   longer one the heap.  Each copy is checked byte for byte at lengths on
   both sides of 256: a copy of 256 bytes or more taken into the slot
   would write past it, one cut short would lose bytes.  strndup copies
   at most its bound and ends the copy with a zero, even when the string
   has none within the bound.  The copy holds what the string holds: a
   copy returned takes along the object whose address it spells out.  */
/* { dg-do run } */
/* Without sibling calls, the tail-call rule (tail-recursion-barrier-run.c)
   stays out of what this test shows.  */
/* { dg-options "-fno-optimize-sibling-calls" } */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

volatile size_t lengths[] = { 0, 1, 254, 255, 256, 257, 1000 };
static char source[2000];
static char unterminated[300];

/* The string of N bytes 'a', 'b', ... in SOURCE.  */
static void
make_source (size_t n)
{
  for (size_t i = 0; i < n; i++)
    source[i] = (char) ('a' + i % 26);
  source[n] = 0;
}

/* Whether P holds the N bytes of S and a zero after them.  */
static int
same (const char *p, const char *s, size_t n)
{
  return strlen (p) == n && memcmp (p, s, n) == 0;
}

__attribute__ ((noinline)) static int
copy (size_t n)
{
  make_source (n);
  char *p = strdup (source);
  if (!p)
    return 0;
  int ok = same (p, source, n);
  for (size_t i = 0; i < n; i++)
    p[i] = 'x';
  ok &= strspn (p, "x") == n;
  free (p);
  return ok;
}

__attribute__ ((noinline)) static int
copy_at_most (size_t n, size_t bound)
{
  make_source (n);
  char *p = strndup (source, bound);
  if (!p)
    return 0;
  int ok = same (p, source, n < bound ? n : bound);
  free (p);
  return ok;
}

__attribute__ ((noinline)) static int
copy_unterminated (size_t bound)
{
  char *p = strndup (unterminated, bound);
  if (!p)
    return 0;
  int ok = same (p, unterminated, bound);
  free (p);
  return ok;
}

/* A copy of a text that spells out M's address, a letter for each half
   of a byte.  */
__attribute__ ((noinline)) static char *
address_text (void)
{
  int *m = malloc (sizeof *m);
  if (!m)
    exit (0);
  *m = 42;
  unsigned char bytes[sizeof m];
  char text[2 * sizeof m + 1];
  memcpy (bytes, &m, sizeof m);
  for (size_t i = 0; i < sizeof m; i++)
    {
      text[2 * i] = (char) ('a' + (bytes[i] & 15));
      text[2 * i + 1] = (char) ('a' + (bytes[i] >> 4));
    }
  text[2 * sizeof m] = 0;
  return strdup (text);
}

static int *
address_of (const char *text)
{
  unsigned char bytes[sizeof (int *)];
  for (size_t i = 0; i < sizeof bytes; i++)
    bytes[i] = (unsigned char) ((text[2 * i] - 'a')
				| (text[2 * i + 1] - 'a') << 4);
  int *m;
  memcpy (&m, bytes, sizeof m);
  return m;
}

/* Write over the frames that returned.  */
__attribute__ ((noinline)) static void
clobber (void)
{
  volatile char frame[8192];
  for (size_t i = 0; i < sizeof frame; i++)
    frame[i] = 0x55;
}

int
main (void)
{
  int bad = 0;
  memset (unterminated, 'u', sizeof unterminated);
  for (size_t k = 0; k < sizeof lengths / sizeof lengths[0]; k++)
    {
      size_t n = lengths[k];
      bad |= !copy (n);
      bad |= !copy_at_most (n, n / 2);
      bad |= !copy_at_most (n, 255);
      bad |= !copy_at_most (n, 256);
      bad |= !copy_at_most (n, n + 10);
      if (n < sizeof unterminated)
	bad |= !copy_unterminated (n);
    }
  bad |= !copy_unterminated (299);
  char *text = address_text ();
  if (!text)
    return 0;
  clobber ();
  int *m = address_of (text);
  bad |= *m != 42;
  free (text);
  free (m);
  if (bad)
    {
      puts ("a copy is wrong");
      return 1;
    }
  return 0;
}

/* { dg-final { scan-escape "small-size-strdup-run.c:41:13: strdup\\(&source\\) -> stack-if-small: unknown-size: sizes up to 256 bytes in a stack slot, larger ones on the heap \\(a string's length, known only when it is copied\\)" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "small-size-strdup-run.c:56:13: strndup\\(&source, bound_\[0-9\]+\\(D\\)\\) -> stack-if-small" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "small-size-strdup-run.c:67:13: strndup\\(&unterminated, bound_\[0-9\]+\\(D\\)\\) -> stack-if-small" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "small-size-strdup-run.c:80:12: malloc\\(4\\) -> heap: returned" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "small-size-strdup-run.c:93:10: strdup\\(&text\\) -> heap: returned" { target { no-opts "-O0" } } } } */
