/* A wrapper that returns its object, too large for the early inliner,
   for the late-inline tests: each file calls it once, so the IPA inliner
   puts it into its caller.  */
#include <stdio.h>
#include <stdlib.h>

struct table { int n; int v[40]; };

static struct table *
make_table (int n)
{
  struct table *t = malloc (sizeof *t);
  t->n = n;
  for (int i = 0; i < 40; i++)
    t->v[i] = i * n + (i ^ n) - (n >> (i & 3)) + (i * i) % (n | 1);
  /* Into memory, not to a stream, which could send SIGPIPE to a handler
     that calls back (recursive-side-signal-run.c).  */
  static char note[32];
  if (n > 1000)
    snprintf (note, sizeof note, "big %d", n);
  if (n > 2000)
    snprintf (note, sizeof note, "bigger %d", n);
  return t;
}
