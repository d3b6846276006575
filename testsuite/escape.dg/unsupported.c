/* unsupported-run.c needs another program: longjmp over malloc.  */
/* setjmp can run the code after it twice, like a loop the CFG does not
   show: every site of such a function keeps the heap.  */
/* { dg-do compile } */
#include <setjmp.h>
#include <stdlib.h>

jmp_buf env;
extern void may_jump (char *);

int
with_setjmp (void)
{
  char *p = malloc (60);
  p[0] = 0;
  if (setjmp (env))
    {
      int r = p[0];
      free (p);
      return r;
    }
  p[0] = 1;
  free (p);
  return 0;
}

/* { dg-final { scan-escape "malloc\\(60\\) -> heap: unsupported: the function calls setjmp" } } */
