/* Under _FORTIFY_SOURCE every write into a buffer asks
   __builtin_object_size for the size left behind the pointer.  That
   size depends on where the pointer points inside its object, not on
   the object's address, so asking it keeps no buffer on the heap.  A
   moved buffer of a constant size gets a slot of exactly that size, and
   the checks still catch a copy one byte too long.  Fortification needs
   optimization; at -O0 the program checks nothing.  */
/* { dg-do run } */
/* { dg-options "-D_FORTIFY_SOURCE=2" } */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *volatile ten_bytes = "nine char";
static const char *volatile word = "ok";
volatile int number = 1234;

/* The overflow was caught, as it is without the plugin.  */
static void
caught (int sig)
{
  (void) sig;
  _exit (0);
}

__attribute__ ((noinline)) static int
formatted (void)
{
  char *p = malloc (16);
  strcpy (p, word);
  snprintf (p + 2, 14, "%d", number);
  int r = strlen (p);
  free (p);
  return r;
}

__attribute__ ((noinline)) static int
one_byte_over (void)
{
  char *p = malloc (9);
  strcpy (p, ten_bytes);
  int r = p[0];
  free (p);
  return r;
}

int
main (void)
{
  if (formatted () != 6)
    abort ();
#ifdef __OPTIMIZE__
  signal (SIGABRT, caught);
  one_byte_over ();
  /* The copy passed the end of the object unnoticed.  */
  return 1;
#else
  return 0;
#endif
}

/* { dg-final { scan-escape "malloc\\(16\\) -> stack" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(9\\) -> stack" { target { no-opts "-O0" } } } } */
