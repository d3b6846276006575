/* A flow through a container: the object is stored in a local struct,
   and the struct's address escapes; both parts are explained.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-escape-dump=details" } */
#include <stdlib.h>

struct box { char *data; };
struct box *global_box;

void
leak_box (void)
{
  struct box b;
  b.data = malloc (12);
  global_box = &b;
}

/* { dg-final { scan-escape "malloc\\(12\\) -> heap: stored-global: global_box = &b" } } */
/* { dg-final { scan-escape "  flow: b.data = _\[0-9\]+ at details-container.c:14:10" } } */
/* { dg-final { scan-escape "  flow: global_box = &b at details-container.c:15:14" } } */
