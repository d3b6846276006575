/* A wrapper the early inliner leaves alone, because it is large, returns
   its object; the IPA inliner puts it into main, its only caller, which
   frees the object.  The early instance keeps the wrapper's site on the
   heap; the late one moves the copy inlined into main.  A slot that did
   not hold the 40 values would change the sum.  */
/* { dg-do run } */
#include "late-table.h"

int
main (int argc, char **argv)
{
  (void) argv;
  struct table *t = make_table (argc + 6);
  int sum = 0;
  for (int i = 0; i < 40; i++)
    sum += t->v[i];
  free (t);
  if (sum != 6209)
    abort ();
  return 0;
}

/* { dg-final { scan-escape "late-table.h:12:21: malloc\\(164\\) -> heap: returned" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "late-table.h:12:21: malloc\\(164\\) -> stack: no-escape: freed at late-inline-run.c:17:3" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape-json {"file":"[^"]*late-table\.h","line":12,.*"function":"main",.*"decision":"stack","reason":"no-escape"} { target { no-opts "-O0" } } } } */
