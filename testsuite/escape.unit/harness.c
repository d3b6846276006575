/* Checks the unit-test mechanism itself and needs nothing from
   plugin/core: dejagnu.h results must reach escape.sum as PASS lines, and
   unit.exp must see the program exit normally.  */

#include <dejagnu.h>
#include <string.h>

static int
twice (int x)
{
  return 2 * x;
}

int
main (void)
{
  if (twice (21) == 42)
    pass ("harness: pass() reaches the summary");
  else
    fail ("harness: pass() reaches the summary");

  char buf[16];
  snprintf (buf, sizeof buf, "%d", twice (4));
  if (strcmp (buf, "8") == 0)
    pass ("harness: C library works in unit programs");
  else
    fail ("harness: C library works in unit programs");

  totals ();
  return 0;
}
