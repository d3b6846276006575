/* returned-run.c needs another program: reads after a return.  */
/* Sharing up: a pointer that flows to the return value escapes, also
   through arithmetic, casts and phis.  */
/* { dg-do compile } */
#include <stdlib.h>

char *
plain (void)
{
  return malloc (16);
}

char *
derived (int c)
{
  char *p = malloc (32);
  char *q = p + 8;
  return c ? q : (char *) 0;
}

/* { dg-final { scan-escape "returned.c:10:10: malloc\\(16\\) -> heap: returned: return" } } */
/* { dg-final { scan-escape "returned.c:16:13: malloc\\(32\\) -> heap: returned: return" } } */
/* { dg-final { scan-escape-not "-> stack" } } */
