/* A call to a _FORTIFY_SOURCE wrapper (glibc's strcpy, memset) through a
   function pointer becomes direct only after early inlining; the call is
   modelled as the library function, but IPA inlines the wrapper's body
   after the pass, and with it the object-size query of its destination.
   So a callee with a body counts by its summary, or, without one, asks
   the size of every argument: a site of a bound, malloc (0) and a
   stack-if-small site keep the heap, and each overflow is caught as it
   is without the plugin.  The recursion allowance is raised so that the
   indirect call, a way back into main, does not refuse the slots
   first.  GCC 11 has no _FORTIFY_SOURCE=3.  */
/* { dg-do run { target { gcc-min 12 } } } */
/* { dg-options "-D_FORTIFY_SOURCE=3 -fplugin-arg-escape-recursion-allowance=1024" } */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

volatile size_t size = 5;
static const char *volatile text = "0123456789";

__attribute__ ((noinline)) static int
bounded (size_t n)
{
  n &= 15;
  char *p = malloc (n);
  char *(*copy) (char *, const char *) = strcpy;
  copy (p, text);
  int r = p[0];
  free (p);
  return r;
}

__attribute__ ((noinline)) static int
empty (size_t n)
{
  char *p = malloc (0);
  void *(*set) (void *, int, size_t) = memset;
  set (p, 'x', n);
  int r = *(volatile char *) p;
  free (p);
  return r;
}

__attribute__ ((noinline)) static int
unbounded (size_t n)
{
  char *p = malloc (n);
  char *(*copy) (char *, const char *) = strcpy;
  copy (p, text);
  int r = p[0];
  free (p);
  return r;
}

/* The overflow was caught, as it is without the plugin.  */
static void
caught (int sig)
{
  (void) sig;
  _exit (0);
}

/* Run CASE in a child; whether its overflow was caught where the build
   checks, or it ran through where nothing checks.  */
static int
caught_in_child (int (*overflow) (size_t), size_t n)
{
  pid_t pid = fork ();
  if (pid == 0)
    {
      signal (SIGABRT, caught);
      overflow (n);
#ifdef __OPTIMIZE__
      _exit (1);
#else
      _exit (0);
#endif
    }
  int status;
  return pid > 0 && waitpid (pid, &status, 0) == pid && WIFEXITED (status)
	 && WEXITSTATUS (status) == 0;
}

int
main (void)
{
  if (!caught_in_child (bounded, size) || !caught_in_child (empty, 1)
      || !caught_in_child (unbounded, size))
    {
      puts ("an overflow went unseen");
      return 1;
    }
  return 0;
}

/* { dg-final { scan-escape "fortify-late-call-run.c:27:13: malloc\\(n_\[0-9\]+\\) -> heap: unknown-size: not constant, at most 15 bytes, and the object-size query of strcpy\\(\\), called at fortify-late-call-run.c:29:\[0-9\]+" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "fortify-late-call-run.c:38:13: malloc\\(0\\) -> heap: unknown-size: 0 bytes, and the object-size query of memset\\(\\), called at fortify-late-call-run.c:40:\[0-9\]+" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "fortify-late-call-run.c:49:13: malloc\\(n_\[0-9\]+\\(D\\)\\) -> heap: unknown-size: not constant, and no bound is known; no stack-if-small slot, since the object-size query of strcpy\\(\\), called at fortify-late-call-run.c:51:\[0-9\]+" { target { no-opts "-O0" } } } } */
