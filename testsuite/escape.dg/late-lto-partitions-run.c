/* A link that splits the program into partitions: under
   -flto-partition=max each function is compiled apart (-flto=2, as
   -flto alone warns that it compiles them one by one).  top moves eight
   blocks of 4 KiB early, and calls leafy, into which the IPA inliner
   puts eight wrappers of 4 KiB blocks.  A partition's budget would see
   only its own 32 KiB; together they would pass the thread's 64 KiB
   stack.  So the late instance moves nothing in a partitioned link.  */
/* { dg-do run } */
/* Without sibling calls, the tail-call rule (tail-recursion-barrier-run.c)
   stays out of what this test shows.  */
/* { dg-options "-flto=2 -flto-partition=max -pthread -fno-optimize-sibling-calls" } */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "small-thread.h"

#define WRAPPER(i)				\
  static char *					\
  make##i (int n)				\
  {						\
    char *p = malloc (4096);			\
    memset (p, n + i, 4096);			\
    return p;					\
  }

WRAPPER (0) WRAPPER (1) WRAPPER (2) WRAPPER (3)
WRAPPER (4) WRAPPER (5) WRAPPER (6) WRAPPER (7)

__attribute__ ((noinline)) int
leafy (int n)
{
  char *q0 = make0 (n), *q1 = make1 (n), *q2 = make2 (n), *q3 = make3 (n);
  char *q4 = make4 (n), *q5 = make5 (n), *q6 = make6 (n), *q7 = make7 (n);
  int r = q0[n] + q1[n] + q2[n] + q3[n] + q4[n] + q5[n] + q6[n] + q7[n];
  free (q0); free (q1); free (q2); free (q3);
  free (q4); free (q5); free (q6); free (q7);
  return r;
}

#define BLOCK(t)				\
  char *t = malloc (4096);			\
  memset (t, n, 4096)

__attribute__ ((noinline)) int
top (int n)
{
  BLOCK (t0); BLOCK (t1); BLOCK (t2); BLOCK (t3);
  BLOCK (t4); BLOCK (t5); BLOCK (t6); BLOCK (t7);
  int r = leafy (n) + t0[n] + t1[n] + t2[n] + t3[n] + t4[n] + t5[n] + t6[n]
	  + t7[n];
  free (t0); free (t1); free (t2); free (t3);
  free (t4); free (t5); free (t6); free (t7);
  return r;
}

int
main (void)
{
  if (on_small_thread (top, 1) != 44)
    abort ();
  return 0;
}

/* { dg-final { scan-escape-times "-> stack" 8 { target { no-opts "-O0" } } } } */
