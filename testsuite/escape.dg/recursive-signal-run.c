/* A signal a thread sends itself, with pthread_kill, with gsignal (raise
   by another name), or with kill when no other thread takes it, is
   handled before the call returns.  glibc declares all three leaf, yet
   the handler calls back into the unit, and here sends the signal again:
   a recursion 40 levels deep.  16 KiB more in each level would pass the
   thread's 256 KiB stack.  */
/* { dg-do run } */
/* { dg-options "-pthread" } */
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "signal-levels.h"


static void
descend_by_pthread_kill (void)
{
  TAKE (a); TAKE (b); TAKE (c); TAKE (d);
  if (depth_left-- > 0)
    pthread_kill (pthread_self (), SIGUSR1);
  GIVE_BACK (a); GIVE_BACK (b); GIVE_BACK (c); GIVE_BACK (d);
}

static void
descend_by_kill (void)
{
  TAKE (a); TAKE (b); TAKE (c); TAKE (d);
  if (depth_left-- > 0)
    kill (getpid (), SIGUSR2);
  GIVE_BACK (a); GIVE_BACK (b); GIVE_BACK (c); GIVE_BACK (d);
}

static void
descend_by_gsignal (void)
{
  TAKE (a); TAKE (b); TAKE (c); TAKE (d);
  if (depth_left-- > 0)
    gsignal (SIGHUP);
  GIVE_BACK (a); GIVE_BACK (b); GIVE_BACK (c); GIVE_BACK (d);
}

static void
on_usr1 (int sig)
{
  (void) sig;
  descend_by_pthread_kill ();
}

static void
on_usr2 (int sig)
{
  (void) sig;
  descend_by_kill ();
}

static void
on_hup (int sig)
{
  (void) sig;
  descend_by_gsignal ();
}

enum way { BY_PTHREAD_KILL, BY_KILL, BY_GSIGNAL };

static void *
descend (void *way)
{
  sigset_t usr2;
  sigemptyset (&usr2);
  sigaddset (&usr2, SIGUSR2);
  pthread_sigmask (SIG_UNBLOCK, &usr2, NULL);
  depth_left = 40;
  sum = 0;
  switch ((enum way) (intptr_t) way)
    {
    case BY_PTHREAD_KILL:
      descend_by_pthread_kill ();
      break;
    case BY_KILL:
      descend_by_kill ();
      break;
    case BY_GSIGNAL:
      descend_by_gsignal ();
      break;
    }
  return NULL;
}

static void
handle (int sig, void (*handler) (int))
{
  struct sigaction sa;
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = handler;
  sa.sa_flags = SA_NODEFER;
  if (sigaction (sig, &sa, NULL))
    abort ();
}

static void
run_on_small_thread (enum way way)
{
  pthread_attr_t attr;
  pthread_t t;
  if (pthread_attr_init (&attr)
      || pthread_attr_setstacksize (&attr, 256 * 1024)
      || pthread_create (&t, &attr, descend, (void *) (intptr_t) way)
      || pthread_join (t, NULL))
    abort ();
  if (sum != 4 * 41)
    abort ();
}

int
main (void)
{
  sigset_t usr2;
  handle (SIGUSR1, on_usr1);
  handle (SIGUSR2, on_usr2);
  handle (SIGHUP, on_hup);
  /* Only the small thread takes SIGUSR2, so kill delivers it there.  */
  sigemptyset (&usr2);
  sigaddset (&usr2, SIGUSR2);
  pthread_sigmask (SIG_BLOCK, &usr2, NULL);
  run_on_small_thread (BY_PTHREAD_KILL);
  run_on_small_thread (BY_KILL);
  run_on_small_thread (BY_GSIGNAL);
  return 0;
}

/* { dg-final { scan-escape "recursive-signal-run.c:21:3: malloc\\(4096\\) -> heap: recursive" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "recursive-signal-run.c:30:3: malloc\\(4096\\) -> heap: recursive" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "recursive-signal-run.c:39:3: malloc\\(4096\\) -> heap: recursive: .* via extern gsignal" { target { no-opts "-O0" } } } } */
