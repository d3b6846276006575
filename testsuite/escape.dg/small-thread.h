/* Runs FN (V) on a thread with a 64 KiB stack, for the tests of the
   stack budget, and returns what it returns.  */
#include <pthread.h>
#include <stdlib.h>

struct small_thread_call
{
  int (*fn) (int);
  int v;
};

static void *
small_thread_start (void *arg)
{
  struct small_thread_call *call = (struct small_thread_call *) arg;
  call->v = call->fn (call->v);
  return NULL;
}

static int
on_small_thread (int (*fn) (int), int v)
{
  pthread_attr_t attr;
  pthread_t t;
  struct small_thread_call call = { fn, v };
  if (pthread_attr_init (&attr) || pthread_attr_setstacksize (&attr, 65536)
      || pthread_create (&t, &attr, small_thread_start, &call)
      || pthread_join (t, NULL))
    abort ();
  return call.v;
}
