/* A function in no cycle moves its buffer, and is then inlined into a
   frame that recurs: 40000 frames of rec with 240 more bytes each pass an
   8 MiB stack.  The call from rec stays a call (escape-stack.cc); work
   keeps its slot in its own frame, on the stack once.  */
/* { dg-do run } */
/* { dg-options "-fdump-tree-optimized -fplugin-arg-escape-dump=details" } */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int
work (int k)
{
  char *p = malloc (240);
  memset (p, k, 240);
  int s = p[k % 240];
  free (p);
  return s;
}

__attribute__ ((noinline)) int
rec (int n)
{
  if (n == 0)
    return 0;
  int a = work (n);
  return (a + rec (n - 1)) % 1000;
}

int
main (void)
{
  if (rec (40000) != 112)
    abort ();
  /* work is inlined here, slot and all: main does not recur.  */
  if (work (3) != 3)
    abort ();
  return 0;
}

/* The site moves in work, and the call from rec, which recurs, stays a
   call.  */
/* { dg-final { scan-escape "recursive-inline-run.c:14:13: malloc\\(240\\) -> stack: no-escape" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-tree-dump "work \\(n_\[0-9\]+\\(D\\)\\)" "optimized" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-tree-dump "escape-stack: recursive-inline-run.c:26:11: work\\(\\) stays a call: its frame holds 240 moved bytes, and the caller may recur" "escape_inline?" { target { no-opts "-O0" } } } } */
