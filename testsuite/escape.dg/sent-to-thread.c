/* The channel rule: a pointer handed to a new thread escapes.  The
   thread reads its argument after the starting function returned.  */
/* { dg-do run } */
/* { dg-options "-pthread" } */
#include <pthread.h>
#include <stdlib.h>
#include "scribble.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int seen;

static void *
worker (void *p)
{
  pthread_mutex_lock (&lock);
  seen = *(int *) p;
  pthread_mutex_unlock (&lock);
  free (p);
  return NULL;
}

__attribute__((noinline)) static pthread_t
start (void)
{
  pthread_t t;
  int *arg = malloc (sizeof *arg);
  *arg = 42;
  pthread_mutex_lock (&lock);
  pthread_create (&t, NULL, worker, arg);
  return t;
}

int
main (void)
{
  pthread_t t = start ();
  scribble ();
  pthread_mutex_unlock (&lock);
  pthread_join (t, NULL);
  if (seen != 42)
    abort ();
  return 0;
}

/* { dg-final { scan-escape "malloc\\(4\\) -> heap: sent-to-thread: .*pthread_create \\(" { target { no-opts "-O0" } } } } */
