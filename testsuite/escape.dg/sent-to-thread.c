/* The channel rule: a pointer handed to a new thread escapes.  */
/* { dg-do compile } */
/* { dg-options "-O2 -pthread" } */
#include <pthread.h>
#include <stdlib.h>

extern void *worker (void *);

int
start (pthread_t *t)
{
  int *arg = malloc (sizeof *arg);
  *arg = 42;
  return pthread_create (t, NULL, worker, arg);
}

/* { dg-final { scan-escape "malloc\\(4\\) -> heap: sent-to-thread: .*pthread_create \\(" } } */
