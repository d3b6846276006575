/* An inline definition is not what a call runs unless the call is
   inlined: a C99 inline definition lets the call run the external
   definition instead (C11 6.7.4p7), and a gnu_inline one always does.
   Here the external ones, in another unit, free and keep the block,
   where the inline bodies only read it.  Judged by those bodies, the
   blocks would move: glibc would abort on the free of a stack address,
   and kept would point into a dead frame that scribble overwrote.
   -fno-inline stands for bodies too large to inline.  */
/* { dg-do run } */
/* { dg-options "-fno-inline" } */
/* { dg-additional-sources "units/inline-definition-external.c" } */
#include <stdlib.h>
#include <string.h>
#include "scribble.h"

extern char *kept;
int sink;

inline void
release (char *p)
{
  for (int i = 0; i < 64; i++)
    if (p[i] == 99)
      sink += p[i + 1];
}

extern inline __attribute__ ((gnu_inline)) void
hook (char *p)
{
  for (int i = 0; i < 64; i++)
    if (p[i] == 99)
      sink += p[i + 1];
}

__attribute__ ((noinline)) static void
give_away (int n)
{
  char *p = malloc (100);
  memset (p, n, 100);
  release (p);
}

__attribute__ ((noinline)) static void
hand_over (int n)
{
  char *p = malloc (100);
  memset (p, n, 100);
  hook (p);
}

int
main (int argc, char **argv)
{
  (void) argv;
  give_away (argc);
  hand_over (argc + 1);
  scribble ();
  if (kept[99] != 2)
    abort ();
  free (kept);
  return 0;
}

/* { dg-final { scan-escape "inline-definition-run.c:38:13: malloc\\(100\\) -> heap: passed-to-call" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "inline-definition-run.c:46:13: malloc\\(100\\) -> heap: passed-to-call" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape-not "-> stack" { target { no-opts "-O0" } } } } */
