/* stack-if-small for asprintf: the text is formatted into the slot
   first, and a text of small-size (256) bytes or more, with its zero, is
   formatted again onto the heap.  Each text is checked byte for byte at
   lengths on both sides of 256, with the count asprintf returns: a text
   of 256 bytes taken into the slot would be cut short.  Formatting twice
   is refused where the second text could differ: "%n" stores into the
   string that "%s" reads (the second formatting would read the count),
   and a format that is not a constant may hold a "%n".  vasprintf's
   va_list is used up by the first formatting.  glibc writes a byte for
   "%lc" of L'\0': GCC's own count of that text, one short, must not
   decide whether it fits.  The slot draws no -Wformat-truncation.  */
/* { dg-do run } */
/* Without sibling calls, the tail-call rule (tail-recursion-barrier-run.c)
   stays out of what this test shows.  */
/* { dg-options "-Wall -Wformat-truncation=2 -fno-optimize-sibling-calls" } */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

volatile int widths[] = { 0, 1, 243, 244, 245, 246, 249, 250, 251, 252, 1000 };

/* Whether P is "id=ID|" and WIDTH blanks, and COUNT its length.  */
static int
same (const char *p, int count, int id, int width)
{
  char head[32];
  int n = snprintf (head, sizeof head, "id=%d|", id);
  if (count != n + width || (int) strlen (p) != count
      || memcmp (p, head, n) != 0)
    return 0;
  return (int) strspn (p + n, " ") == width;
}

__attribute__ ((noinline)) static int
format (int id, int width)
{
  char *p;
  int count = asprintf (&p, "id=%d|%*s", id, width, "");
  if (count < 0)
    return 0;
  int ok = same (p, count, id, width);
  memset (p, 'x', count);
  ok &= (int) strspn (p, "x") == count;
  free (p);
  return ok;
}

__attribute__ ((noinline)) static int
wide_nul (void)
{
  char *p;
  int count = asprintf (&p, "%lc%0251d|end", (wint_t) 0, 7);
  if (count < 0)
    return 0;
  int ok = count == 256 && p[0] == 0 && memcmp (p + 250, "07|end", 7) == 0;
  free (p);
  return ok;
}

/* "%n" writes the count over the start of the text "%s" has just read.
   Formatted again, the text would be what the count spells.  */
static union
{
  int count;
  char text[300];
} shared;

__attribute__ ((noinline)) static int
store_count (void)
{
  char *p;
  if (asprintf (&p, "%s%n", shared.text, &shared.count) < 0)
    return 0;
  int ok = strlen (p) == 299 && p[0] == 'a' && shared.count == 299;
  free (p);
  return ok;
}

/* The same from a format that is not a constant.  */
__attribute__ ((noinline)) static int
store_count_from (const char *format)
{
  char *p;
  if (asprintf (&p, format, shared.text, &shared.count) < 0)
    return 0;
  int ok = strlen (p) == 299 && p[0] == 'a' && shared.count == 299;
  free (p);
  return ok;
}

static int
format_list (const char *format, ...)
{
  va_list ap;
  char *p;
  va_start (ap, format);
  int count = vasprintf (&p, format, ap);
  va_end (ap);
  if (count < 0)
    return 0;
  int ok = (int) strlen (p) == count;
  free (p);
  return ok;
}

/* A text made in a loop from the one before it keeps the heap.  */
__attribute__ ((noinline)) static int
grow (int n)
{
  char *p = NULL;
  for (int i = 0; i < n; i++)
    {
      char *q;
      if (asprintf (&q, "%s%d,", p ? p : "", i % 10) < 0)
	return 0;
      free (p);
      p = q;
    }
  int ok = (int) strlen (p) == 2 * n && p[2 * n - 2] == '0' + (n - 1) % 10;
  free (p);
  return ok;
}

/* A text handed back to the caller keeps the heap.  */
__attribute__ ((noinline)) static int
make (char **out, int id)
{
  return asprintf (out, "%d", id);
}

int
main (void)
{
  int bad = 0;
  for (size_t k = 0; k < sizeof widths / sizeof widths[0]; k++)
    {
      bad |= !format (7, widths[k]);
      bad |= !format (-123456, widths[k]);
    }
  bad |= !wide_nul ();
  memset (shared.text, 'a', sizeof shared.text - 1);
  bad |= !store_count ();
  memset (shared.text, 'a', sizeof shared.text - 1);
  volatile char format_n[] = "%s%n";
  bad |= !store_count_from ((const char *) format_n);
  bad |= !format_list ("%s-%d", "list", 300);
  bad |= !grow (200);
  char *made;
  if (make (&made, 42) != 2 || strcmp (made, "42") != 0)
    bad = 1;
  free (made);
  if (bad)
    {
      puts ("a text is wrong");
      return 1;
    }
  return 0;
}

/* { dg-final { scan-escape "small-size-asprintf-run.c:41:15: asprintf\\(&p, \"id=%d\\|%\\*s\", id_\[0-9\]+\\(D\\), width_\[0-9\]+\\(D\\), \"\"\\) -> stack-if-small: unknown-size: sizes up to 256 bytes in a stack slot, larger ones on the heap \\(the length of a text, known only when it is formatted\\)" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "small-size-asprintf-run.c:75:7: asprintf\\(&p, \"%s%n\", &shared.text, &shared.count\\) -> heap: unknown-size: the length of a text, known only when it is formatted; no stack-if-small slot, since its format has a conversion that formatting twice could change \\(%n, %m, a position, or one C does not define\\)" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "small-size-asprintf-run.c:87:7: asprintf\\(&p, format_\[0-9\]+\\(D\\), &shared.text, &shared.count\\) -> heap: unknown-size: .*; no stack-if-small slot, since its format is not a constant" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "small-size-asprintf-run.c:100:15: vasprintf\\(&p, format_\[0-9\]+\\(D\\), &ap\\) -> heap: unknown-size: .*; no stack-if-small slot, since a va_list cannot be formatted twice" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "small-size-asprintf-run.c:117:11: asprintf\\(&q, \"%s%d,\", \[^)\]*\\) -> heap: unknown-size" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "small-size-asprintf-run.c:131:10: asprintf\\(out_\[0-9\]+\\(D\\), \"%d\", id_\[0-9\]+\\(D\\)\\) -> heap: stored-memory" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "small-size-asprintf-run.c:55:15: asprintf\\(&p, \"%lc%0251d\\|end\", 0, 7\\) -> stack-if-small" { target { no-opts "-O0" } } } } */
