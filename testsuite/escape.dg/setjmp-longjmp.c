/* setjmp and longjmp.  Code after setjmp can run again without a loop in
   the CFG, so a function that calls setjmp keeps its sites on the heap;
   in again () one slot for every round would make prev and p the same
   object.  A function that longjmps out of itself may move its objects:
   they go with the frame longjmp abandons.  */
/* { dg-do run } */
/* Without sibling calls, the tail-call rule (tail-recursion-barrier-run.c)
   stays out of what this test shows.  */
/* { dg-options "-fno-optimize-sibling-calls" } */
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

static jmp_buf env;
static int seen;

__attribute__((noinline)) static void
fail_deep (int n)
{
  char *scratch = malloc (64);
  memset (scratch, n, 64);
  seen = scratch[0] + scratch[63];
  if (n > 2)
    longjmp (env, n);
  free (scratch);
}

__attribute__((noinline)) static int
guarded (int n)
{
  int *p = malloc (4 * sizeof *p);
  p[0] = 10;
  int r = setjmp (env);
  if (r)
    {
      int v = p[0] + r;
      free (p);
      return v;
    }
  p[0] = 20;
  fail_deep (n);
  int v = p[0];
  free (p);
  return v;
}

/* A loop made of setjmp and longjmp.  */
__attribute__((noinline)) static int
again (void)
{
  jmp_buf here;
  volatile int round = 0;
  char *volatile prev = 0;
  volatile int sum = 0;

  setjmp (here);
  char *p = malloc (8);
  p[0] = (char) round;
  if (prev)
    {
      /* A slot shared by both rounds shows as one object, through a
	 branch: the comparison's value would carry the address out.  */
      sum = sum * 10 + prev[0];
      if (prev == p)
	sum++;
      free (prev);
    }
  prev = p;
  if (++round < 4)
    longjmp (here, 1);
  sum = sum * 10 + prev[0];
  free (prev);
  return sum;
}

int
main (void)
{
  if (guarded (1) != 20 || seen != 2)
    abort ();
  if (guarded (5) != 25 || seen != 10)
    abort ();
  if (again () != 123)
    abort ();
  return 0;
}

/* { dg-final { scan-escape "setjmp-longjmp.c:20:19: malloc\\(64\\) -> stack: no-escape" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "setjmp-longjmp.c:31:12: malloc\\(16\\) -> heap: unsupported: the function calls setjmp" { target { no-opts "-O0" } } } } */
/* The loop setjmp makes is also a loop in the CFG, through its abnormal
   edges: either reason keeps the heap.  */
/* { dg-final { scan-escape "setjmp-longjmp.c:57:13: malloc\\(8\\) -> heap: (loop-carried|unsupported)" { target { no-opts "-O0" } } } } */
