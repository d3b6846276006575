/* The external definitions of the inline functions of
   inline-definition-run.c: one frees its argument, one keeps it.  */
#include <stdlib.h>

char *kept;

void
release (char *p)
{
  free (p);
}

void
hook (char *p)
{
  kept = p;
}
