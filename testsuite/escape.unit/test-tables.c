/* Unit tests of the core's tables of library behaviour: printf formats
   (format.c) and the library functions without an fnspec (libc.c).  */

#include <dejagnu.h>
#include <stdbool.h>
#include <string.h>

#include "format.h"
#include "libc.h"

/* pass and fail take a printf format: WHAT holds no conversion.  */
static void
check (bool ok, const char *what)
{
  if (ok)
    pass ("%s", what);
  else
    fail ("%s", what);
}

/* Whether FORMAT consumes exactly the uses of EXPECT, written as a
   string of 's' (string) and 'v' (value), or is refused for "-".  */
static bool
uses_are (const char *format, const char *expect)
{
  enum esc_format_use uses[8];
  int n = esc_format_uses (format, uses, 8);
  if (strcmp (expect, "-") == 0)
    return n < 0;
  if (n != (int) strlen (expect))
    return false;
  for (int i = 0; i < n; i++)
    if ((uses[i] == ESC_FORMAT_STRING) != (expect[i] == 's'))
      return false;
  return true;
}

static void
formats (void)
{
  check (uses_are ("plain %% text", ""), "format: no conversion");
  check (uses_are ("%s=%d", "sv"), "format: a string and a value");
  check (uses_are ("%p", "v"), "format: p shows the address");
  check (uses_are ("ab%n", "v"), "format: n is a value");
  check (uses_are ("%-*.*s|%lu", "vvsv"), "format: widths take values");
  check (uses_are ("%.3s %ls", "ss"), "format: precision and wide strings");
  check (uses_are ("%'lld %zx %hhu %Lf", "vvvv"), "format: length modifiers");
  check (uses_are ("%m: %s", "s"), "format: m takes no argument");
  check (uses_are ("%1$s", "-"), "format: positions are refused");
  check (uses_are ("%*1$d", "-"), "format: positional widths are refused");
  check (uses_are ("%k", "-"), "format: unknown conversions are refused");
  check (uses_are ("trailing %", "-"), "format: a lone percent sign is refused");
  check (uses_are ("%d%d%d%d%d%d%d%d%d", "-"), "format: too many arguments");
  check (esc_format_repeatable ("%s=%-5d %.2f %p 100%%"),
	 "format: plain conversions are repeatable");
  check (!esc_format_repeatable ("%s%n"), "format: n is not repeatable");
  check (!esc_format_repeatable ("%m"), "format: m is not repeatable");
  check (esc_format_repeatable ("%%n %%m"),
	 "format: a percent sign before n or m is repeatable");
  check (!esc_format_repeatable ("%1$s"), "format: a position is not repeatable");
  check (!esc_format_repeatable ("%k"),
	 "format: an unknown conversion is not repeatable");
}

static void
library (void)
{
  size_t n;
  const struct esc_libc_function *table = esc_libc_table (&n);
  bool all_found = true, valid = true;
  for (size_t i = 0; i < n; i++)
    {
      all_found &= esc_libc_find (table[i].name) == &table[i];
      valid &= strspn (table[i].args, ".riofecm") == strlen (table[i].args)
	       && table[i].args[0] != 0
	       && strchr ("-u0123456789", table[i].returns) != NULL;
    }
  check (all_found, "libc: every entry is found, so the table is sorted");
  check (valid, "libc: every entry is well formed");
  check (esc_libc_find ("strtok") == NULL && esc_libc_find ("setvbuf") == NULL
	 && esc_libc_find ("putenv") == NULL
	 && esc_libc_find ("pthread_setspecific") == NULL
	 && esc_libc_find ("getline") == NULL,
	 "libc: functions that keep a pointer are not in the table");
}

int
main (void)
{
  formats ();
  library ();
  totals ();
  return 0;
}
