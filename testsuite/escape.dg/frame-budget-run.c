/* A thread with a 64 KiB stack runs a function with 40 allocations of
   4 KiB: all on the stack (160 KiB) would overflow it, so the budget
   must keep most of them on the heap.  */
/* { dg-do run } */
/* { dg-options "-pthread" } */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define STEP(n) char *p##n = malloc (4096); memset (p##n, n, 4096); s += p##n[4095];
#define TEN(n) STEP(n##0) STEP(n##1) STEP(n##2) STEP(n##3) STEP(n##4) \
	       STEP(n##5) STEP(n##6) STEP(n##7) STEP(n##8) STEP(n##9)
#define FREE(n) free (p##n);
#define FREE_TEN(n) FREE(n##0) FREE(n##1) FREE(n##2) FREE(n##3) FREE(n##4) \
		    FREE(n##5) FREE(n##6) FREE(n##7) FREE(n##8) FREE(n##9)

__attribute__((noinline)) static int
heavy (void)
{
  int s = 0;
  TEN (1) TEN (2) TEN (3) TEN (4)
  FREE_TEN (1) FREE_TEN (2) FREE_TEN (3) FREE_TEN (4)
  return s;
}

static void *
run (void *result)
{
  *(int *) result = heavy ();
  return NULL;
}

int
main (void)
{
  pthread_attr_t attr;
  pthread_t t;
  int result = 0;
  pthread_attr_init (&attr);
  pthread_attr_setstacksize (&attr, 64 * 1024);
  if (pthread_create (&t, &attr, run, &result) != 0)
    abort ();
  pthread_join (t, NULL);
  /* Sum of 10..19, 20..29, 30..39 and 40..49.  */
  if (result != 1180)
    abort ();
  return 0;
}
