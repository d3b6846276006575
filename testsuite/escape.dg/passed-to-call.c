/* passed-to-call-run.c needs another program: reads after a return.  */
/* Sharing down: a callee of this unit that only reads keeps the object on
   the stack; an unknown, indirect or keeping callee forces the heap.  */
/* { dg-do compile } */
#include <stdlib.h>
#include <string.h>

extern void unknown (char *);
char *kept;
void (*hook) (char *);

__attribute__((noinline)) static int
reader (const char *p)
{
  return p[0] + p[1];
}

__attribute__((noinline)) static void
keeper (char *p)
{
  kept = p;
}

int
down_to_reader (void)
{
  char *p = malloc (30);
  memset (p, 1, 30);
  int r = reader (p);
  free (p);
  return r;
}

void
down_to_unknown (void)
{
  char *p = malloc (31);
  unknown (p);
  free (p);
}

void
down_to_keeper (void)
{
  char *p = malloc (32);
  keeper (p);
}

void
down_to_pointer (void)
{
  char *p = malloc (33);
  hook (p);
  free (p);
}

/* { dg-final { scan-escape "malloc\\(30\\) -> stack: no-escape" } } */
/* { dg-final { scan-escape "malloc\\(31\\) -> heap: passed-to-call: unknown \\(p_\[0-9\]+\\)" } } */
/* { dg-final { scan-escape "malloc\\(32\\) -> heap: passed-to-call: keeper \\(p_\[0-9\]+\\)" } } */
/* { dg-final { scan-escape "malloc\\(33\\) -> heap: passed-to-call" } } */
