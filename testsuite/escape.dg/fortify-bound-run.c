/* _FORTIFY_SOURCE checks a string copy into malloc (n) against n, and
   __builtin_dynamic_object_size says n.  A site whose size is bounded
   but not constant would get a slot of the bound, and both would see the
   bound: such a site keeps the heap where its size is asked, and moves
   in the same unit where it is not.
   Fortification needs optimization; at -O0 the program checks
   nothing.  GCC 11 has neither __builtin_dynamic_object_size nor
   _FORTIFY_SOURCE=3.  */
/* { dg-do run { target { gcc-min 12 } } } */
/* { dg-options "-D_FORTIFY_SOURCE=3" } */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

volatile unsigned size = 8;
static const char *volatile text = "longer than eight bytes";

/* The overflow was caught, as it is without the plugin.  */
static void
caught (int sig)
{
  (void) sig;
  _exit (0);
}

/* The checks see the object's size.  */
__attribute__ ((noinline)) static void
measure (unsigned n)
{
  if (n > 64)
    n = 64;
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
copy (unsigned n, const char *s)
{
  if (n > 64)
    n = 64;
  char *p = malloc (n);
  strcpy (p, s);
  int r = p[0];
  free (p);
  return r;
}

/* Nothing asks this object's size.  */
__attribute__ ((noinline)) static int
count (unsigned n, const char *s)
{
  if (n > 64)
    n = 64;
  char *p = malloc (n);
  int k = 0;
  for (unsigned i = 0; i < n; i++)
    p[i] = s[i];
  for (unsigned i = 0; i < n; i++)
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

/* { dg-final { scan-escape "fortify-bound-run.c:34:13: malloc\\(_\[0-9\]+\\) -> heap: unknown-size: not constant, at most 64 bytes, and the object-size query \\(__builtin_dynamic_object_size\\) at fortify-bound-run.c:36:\[0-9\]+ would check a slot of the bound weaker than the object" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "fortify-bound-run.c:50:13: malloc\\(_\[0-9\]+\\) -> heap: unknown-size: .* the object-size query \\(__builtin_dynamic_object_size\\) at fortify-bound-run.c:51:\[0-9\]+" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "fortify-bound-run.c:63:13: malloc\\(_\[0-9\]+\\) -> stack: no-escape" { target { no-opts "-O0" } } } } */
