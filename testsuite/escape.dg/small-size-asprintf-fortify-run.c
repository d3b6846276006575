/* stack-if-small for asprintf under _FORTIFY_SOURCE: glibc's wrapper
   calls __asprintf_chk with its flag, and the slot is formatted by
   __snprintf_chk with the same flag.  The report gives the program's
   line; the wrapper's own body, never emitted, has no site.  A text
   whose size a fortified copy asks keeps the heap.  The slot draws no
   -Wformat-truncation.  Fortification needs optimization; at -O0 the
   program checks nothing.  */
/* { dg-do run } */
/* { dg-options "-D_FORTIFY_SOURCE=2 -Wall -Wformat-truncation=2" } */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

volatile int widths[] = { 0, 248, 249, 250, 251, 600 };

__attribute__ ((noinline)) static int
format (const char *name, int width)
{
  char *p;
  int count = asprintf (&p, "%s:%*d", name, width, width);
  if (count < 0)
    return 0;
  int ok = count == (int) strlen (p) && strncmp (p, "name:", 5) == 0
	   && atoi (p + 5) == width
	   && count == 5 + snprintf (NULL, 0, "%*d", width, width);
  free (p);
  return ok;
}

__attribute__ ((noinline)) static int
format_and_copy (int width)
{
  char *p;
  if (asprintf (&p, "%*d", width, width) < 0)
    return 0;
  strcpy (p, "copy");
  int ok = strcmp (p, "copy") == 0;
  free (p);
  return ok;
}

int
main (void)
{
  int bad = 0;
  for (size_t k = 0; k < sizeof widths / sizeof widths[0]; k++)
    bad |= !format ("name", widths[k]) || !format_and_copy (widths[k]);
  if (bad)
    {
      puts ("a text is wrong");
      return 1;
    }
  return 0;
}

/* { dg-final { scan-escape "small-size-asprintf-fortify-run.c:21:15: asprintf\\(&p, 1, \"%s:%\\*d\", name_\[0-9\]+\\(D\\), width_\[0-9\]+\\(D\\), width_\[0-9\]+\\(D\\)\\) -> stack-if-small: unknown-size" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "small-size-asprintf-fortify-run.c:35:7: asprintf\\(&p, 1, \"%\\*d\", width_\[0-9\]+\\(D\\), width_\[0-9\]+\\(D\\)\\) -> heap: unknown-size: .*; no stack-if-small slot, since the object-size query \\(__builtin_object_size\\) at small-size-asprintf-fortify-run.c:37:\[0-9\]+" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape-not "stdio2.h" { target { no-opts "-O0" } } } } */
