/* Calls that send a signal to the calling thread as a side effect, before
   they return: a write to a pipe nobody reads (fputs, here GCC's fputc,
   and sendfile: SIGPIPE), growing a file past RLIMIT_FSIZE (ftruncate:
   SIGXFSZ), and a timer on the thread's CPU clock set to a time gone by
   (timer_settime).  glibc declares the last three leaf, and the plugin
   trusted fputs not to call back; each handler calls back into the unit
   and makes the call again, a recursion 30 levels deep.  16 KiB more in
   each level would pass the thread's 256 KiB stack.  */
/* { dg-do run } */
/* { dg-options "-pthread -D_GNU_SOURCE" } */
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/sendfile.h>
#include <time.h>
#include <unistd.h>
#include "signal-levels.h"

static FILE *unread;
static int unread_fd, file_fd;
static timer_t timer;

static void
descend_by_fputs (void)
{
  TAKE (a); TAKE (b); TAKE (c); TAKE (d);
  if (depth_left-- > 0)
    fputs ("x", unread);
  GIVE_BACK (a); GIVE_BACK (b); GIVE_BACK (c); GIVE_BACK (d);
}

static void
descend_by_sendfile (void)
{
  TAKE (a); TAKE (b); TAKE (c); TAKE (d);
  off_t offset = 0;
  if (depth_left-- > 0)
    sendfile (unread_fd, file_fd, &offset, 1);
  GIVE_BACK (a); GIVE_BACK (b); GIVE_BACK (c); GIVE_BACK (d);
}

static void
descend_by_ftruncate (void)
{
  TAKE (a); TAKE (b); TAKE (c); TAKE (d);
  if (depth_left-- > 0 && ftruncate (file_fd, 1 << 20) == 0)
    abort ();
  GIVE_BACK (a); GIVE_BACK (b); GIVE_BACK (c); GIVE_BACK (d);
}

static void
descend_by_timer_settime (void)
{
  TAKE (a); TAKE (b); TAKE (c); TAKE (d);
  struct itimerspec gone_by = { { 0, 0 }, { 0, 1 } };
  if (depth_left-- > 0)
    timer_settime (timer, TIMER_ABSTIME, &gone_by, NULL);
  GIVE_BACK (a); GIVE_BACK (b); GIVE_BACK (c); GIVE_BACK (d);
}

enum way { BY_FPUTS, BY_SENDFILE, BY_FTRUNCATE, BY_TIMER_SETTIME };
static enum way way;

static void
on_signal (int sig)
{
  (void) sig;
  switch (way)
    {
    case BY_FPUTS:
      descend_by_fputs ();
      break;
    case BY_SENDFILE:
      descend_by_sendfile ();
      break;
    case BY_FTRUNCATE:
      descend_by_ftruncate ();
      break;
    case BY_TIMER_SETTIME:
      descend_by_timer_settime ();
      break;
    }
}

static void *
descend (void *unused)
{
  (void) unused;
  struct sigevent to_this_thread;
  memset (&to_this_thread, 0, sizeof to_this_thread);
  to_this_thread.sigev_notify = SIGEV_THREAD_ID;
  to_this_thread.sigev_signo = SIGUSR1;
  to_this_thread._sigev_un._tid = gettid ();
  if (way == BY_TIMER_SETTIME
      && timer_create (CLOCK_THREAD_CPUTIME_ID, &to_this_thread, &timer))
    abort ();
  depth_left = 30;
  sum = 0;
  on_signal (0);
  return NULL;
}

static void
run_on_small_thread (enum way by)
{
  pthread_attr_t attr;
  pthread_t t;
  way = by;
  if (pthread_attr_init (&attr)
      || pthread_attr_setstacksize (&attr, 256 * 1024)
      || pthread_create (&t, &attr, descend, NULL)
      || pthread_join (t, NULL))
    abort ();
  if (sum != 4 * 31)
    abort ();
}

int
main (void)
{
  int fds[2];
  if (pipe (fds))
    abort ();
  close (fds[0]);
  unread_fd = fds[1];
  unread = fdopen (unread_fd, "w");
  if (!unread || setvbuf (unread, NULL, _IONBF, 0))
    abort ();
  FILE *file = tmpfile ();
  if (!file || fputs ("xyz", file) < 0 || fflush (file))
    abort ();
  file_fd = fileno (file);
  struct rlimit limit;
  if (getrlimit (RLIMIT_FSIZE, &limit))
    abort ();
  limit.rlim_cur = 4096;
  if (setrlimit (RLIMIT_FSIZE, &limit))
    abort ();

  struct sigaction sa;
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sa.sa_flags = SA_NODEFER;
  if (sigaction (SIGPIPE, &sa, NULL) || sigaction (SIGXFSZ, &sa, NULL)
      || sigaction (SIGUSR1, &sa, NULL))
    abort ();
  run_on_small_thread (BY_FPUTS);
  run_on_small_thread (BY_SENDFILE);
  run_on_small_thread (BY_FTRUNCATE);
  run_on_small_thread (BY_TIMER_SETTIME);
  return 0;
}

/* { dg-final { scan-escape-times "recursive-side-signal-run.c:30:\[0-9\]+: malloc\\(4096\\) -> heap: recursive: .* via extern (__builtin_)?fput" 4 { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape-times "recursive-side-signal-run.c:39:\[0-9\]+: malloc\\(4096\\) -> heap: recursive: .* via extern sendfile" 4 { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape-times "recursive-side-signal-run.c:49:\[0-9\]+: malloc\\(4096\\) -> heap: recursive: .* via extern ftruncate" 4 { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape-times "recursive-side-signal-run.c:58:\[0-9\]+: malloc\\(4096\\) -> heap: recursive: .* via extern timer_settime" 4 { target { no-opts "-O0" } } } } */
