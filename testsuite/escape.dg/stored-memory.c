/* stored-memory-run.c needs another program: reads after a return.  */
/* A pointer stored through an out-parameter, or into memory that is not
   proven local, escapes; a pointer kept in a local struct does not.  */
/* { dg-do compile } */
#include <stdlib.h>

struct box { char *data; int len; };

void
out_param (char **out)
{
  *out = malloc (20);
}

void
into_caller_struct (struct box *b)
{
  b->data = malloc (21);
}

int
local_struct (void)
{
  struct box b;
  b.data = malloc (22);
  b.len = 22;
  b.data[0] = 1;
  /* The graph does not tell fields apart, and a number read from B may
     carry what B holds (docs/rules.md), so the length only steers a
     branch.  */
  if (b.len != 22)
    abort ();
  int r = b.data[0] + 22;
  free (b.data);
  return r;
}

/* { dg-final { scan-escape "malloc\\(20\\) -> heap: stored-memory: \\*out_\[0-9\]+\\(D\\) = " } } */
/* { dg-final { scan-escape "malloc\\(21\\) -> heap: stored-memory: b_\[0-9\]+\\(D\\)->data = " } } */
/* { dg-final { scan-escape "malloc\\(22\\) -> stack: no-escape: freed at stored-memory.c:34:3" } } */
