/* longjmp back into a function that allocated after setjmp: each pass
   must get its own object.  */
/* { dg-do run } */
#include <setjmp.h>
#include <stdlib.h>

static jmp_buf env;
static int *first;

__attribute__((noipa)) static void
jump (void)
{
  longjmp (env, 1);
}

__attribute__((noinline)) static int
twice (void)
{
  volatile int round = 0;
  setjmp (env);
  int *p = malloc (sizeof *p);
  *p = round;
  if (round == 0)
    {
      first = p;
      round = 1;
      jump ();
    }
  int r = *first * 10 + *p;
  free (first);
  free (p);
  return r;
}

int
main (void)
{
  if (twice () != 1)
    abort ();
  return 0;
}
