/* stored-global-run.c needs another program: reads after a return.  */
/* A pointer stored in a global, a static or a thread-local escapes.  */
/* { dg-do compile } */
#include <stdlib.h>

char *global_ptr;
static char *static_ptr;
__thread char *thread_ptr;

void
to_global (void)
{
  global_ptr = malloc (8);
}

void
to_static (void)
{
  static_ptr = malloc (9);
}

void
to_thread_local (void)
{
  thread_ptr = malloc (10);
}

void
to_local_static (void)
{
  static char *keep;
  keep = malloc (11);
}

/* { dg-final { scan-escape "malloc\\(8\\) -> heap: stored-global: global_ptr = " } } */
/* { dg-final { scan-escape "malloc\\(9\\) -> heap: stored-global: static_ptr = " } } */
/* { dg-final { scan-escape "malloc\\(10\\) -> heap: stored-global: thread_ptr = " } } */
/* { dg-final { scan-escape "malloc\\(11\\) -> heap: stored-global: keep = " } } */
