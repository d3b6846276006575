/* _FORTIFY_SOURCE=3 checks a copy into malloc (n) against n, and
   __builtin_dynamic_object_size says n.  The stack-if-small slot would
   answer its 256 bytes on its side: a site whose size is asked keeps the
   heap, and the report says where it is asked.  A site of the same unit
   whose size nobody asks takes the slot.  GCC 11 has neither
   __builtin_dynamic_object_size nor _FORTIFY_SOURCE=3.  */
/* { dg-do run { target { gcc-min 12 } } } */
/* { dg-options "-D_FORTIFY_SOURCE=3" } */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

volatile size_t size = 8;
static const char *volatile text = "longer than eight bytes";

/* The overflow was caught, as it is without the plugin.  */
static void
caught (int sig)
{
  (void) sig;
  _exit (0);
}

__attribute__ ((noinline)) static void
measure (size_t n)
{
  char *p = malloc (n);
#ifdef __OPTIMIZE__
  if (__builtin_dynamic_object_size (p, 0) != n)
    {
      puts ("the object size is not the size asked for");
      exit (2);
    }
#endif
  free (p);
}

__attribute__ ((noinline)) static int
copy (size_t n, const char *s)
{
  char *p = malloc (n);
  strcpy (p, s);
  int r = p[0];
  free (p);
  return r;
}

/* Nothing asks this object's size.  */
__attribute__ ((noinline)) static int
count (size_t n, const char *s)
{
  char *p = malloc (n);
  int k = 0;
  for (size_t i = 0; i < n; i++)
    p[i] = s[i];
  for (size_t i = 0; i < n; i++)
    k += p[i] == 'e';
  free (p);
  return k;
}

int
main (void)
{
  signal (SIGABRT, caught);
  if (count (size, text) != 1)
    return 3;
  measure (size);
  copy (size, text);
#ifdef __OPTIMIZE__
  /* The copy passed the end of the object unnoticed.  */
  return 1;
#else
  return 0;
#endif
}

/* { dg-final { scan-escape "small-size-fortify-run.c:29:13: malloc\\(n_\[0-9\]+\\(D\\)\\) -> heap: unknown-size: not constant, and no bound is known; no stack-if-small slot, since the object-size query \\(__builtin_dynamic_object_size\\) at small-size-fortify-run.c:31:\[0-9\]+ would check the slot's 256 bytes in place of the size" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "small-size-fortify-run.c:43:13: malloc\\(n_\[0-9\]+\\(D\\)\\) -> heap: unknown-size: .* the object-size query \\(__builtin_dynamic_object_size\\) at small-size-fortify-run.c:44:\[0-9\]+" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "small-size-fortify-run.c:54:13: malloc\\(n_\[0-9\]+\\(D\\)\\) -> stack-if-small" { target { no-opts "-O0" } } } } */
