/* dump=details explains a heap decision step by step, with locations.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-escape-dump=details" } */
#include <stdlib.h>

struct pair { char *first; char *second; };

void
keep (struct pair *local)
{
  char *p = malloc (8);
  char *q = p + 4;
  local->second = q;
}

/* { dg-final { scan-escape "malloc\\(8\\) -> heap: stored-memory" } } */
/* { dg-final { scan-escape "  flow: p_\[0-9\]+ = malloc \\(8\\) at details-flow.c:11:13" } } */
/* { dg-final { scan-escape "  flow: q_\[0-9\]+ = p_\[0-9\]+ \\+ 4 at details-flow.c:12:9" } } */
/* { dg-final { scan-escape "  flow: local_\[0-9\]+\\(D\\)->second = q_\[0-9\]+ at details-flow.c:13:17" } } */
