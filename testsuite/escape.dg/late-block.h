/* A wrapper of a 3072-byte block, too large for the early inliner, for
   the late instance's frame tests: each file calls it once, so the IPA
   inliner puts it into its caller.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *
make_block (int n)
{
  char *p = malloc (3072);
  memset (p, n, 3072);
  /* Into memory, not to a stream, which could send SIGPIPE to a handler
     that calls back (recursive-side-signal-run.c).  */
  static char note[32];
  if (n > 1000)
    snprintf (note, sizeof note, "big %d", n);
  if (n > 2000)
    snprintf (note, sizeof note, "bigger %d", n);
  if (n > 3000)
    snprintf (note, sizeof note, "biggest %d", n);
  return p;
}
