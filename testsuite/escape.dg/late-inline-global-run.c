/* The IPA inliner puts a large wrapper into keep_table, which stores the
   object in a global: main reads and frees it after keep_table returned.
   The late instance must keep the inlined copy on the heap; a slot would
   be dead by then, scribble would overwrite it, and its free would
   crash.  */
/* { dg-do run } */
#include "late-table.h"
#include "scribble.h"

static struct table *saved;

__attribute__ ((noinline)) static void
keep_table (int n)
{
  saved = make_table (n);
}

int
main (int argc, char **argv)
{
  (void) argv;
  keep_table (argc + 6);
  scribble ();
  int sum = 0;
  for (int i = 0; i < 40; i++)
    sum += saved->v[i];
  free (saved);
  if (sum != 6209)
    abort ();
  return 0;
}

/* { dg-final { scan-escape "late-table.h:12:21: malloc\\(164\\) -> heap: returned" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape-not "-> stack" { target { no-opts "-O0" } } } } */
