/* Under -flto the body that IPA inlines may be another unit's copy of an
   inline function: here measure's external definition, which asks the
   object size of its argument, where this unit's inline definition,
   which the pass judged, does not (a header inline function built with
   _FORTIFY_SOURCE in one unit and without it in another is the same
   case).  A stack-if-small slot would answer 256 for malloc (5).  The
   pass does not judge a call by an inline definition at all, since the
   call may run the external one (inline-definition-run.c): the site
   keeps the heap as passed-to-call.  Under -flto an inline, COMDAT or
   weak callee is also taken to ask the size of every argument.
   -fno-early-inlining keeps the call until IPA inlining.  GCC 11 has no
   __builtin_dynamic_object_size.  */
/* { dg-do run { target { gcc-min 12 } } } */
/* { dg-options "-flto -fno-early-inlining" } */
/* { dg-additional-sources "units/object-size-lto-copy-ask.c" } */
#include <stdio.h>
#include <stdlib.h>
#include "units/object-size-lto-copy.h"

volatile size_t size = 5;
volatile int sink;

/* Either definition's answer, but not the slot's.  */
__attribute__ ((noinline)) static int
wrong_size (size_t n)
{
  char *p = malloc (n);
  if (!p)
    return 0;
  p[0] = 1;
  size_t answer = measure (p);
  free (p);
  return answer != n && answer != (size_t) -1;
}

int
main (void)
{
  if (wrong_size (size))
    {
      puts ("the object size is the slot's");
      return 1;
    }
  return 0;
}

/* { dg-final { scan-escape "object-size-lto-copy-run.c:27:13: malloc\\(n_\[0-9\]+\\(D\\)\\) -> heap: passed-to-call: answer_\[0-9\]+ = measure \\(p_\[0-9\]+\\) at object-size-lto-copy-run.c:31:\[0-9\]+" { target { no-opts "-O0" } } } } */
