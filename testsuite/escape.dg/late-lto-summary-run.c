/* Under -flto the link judges a call into another unit with what that
   unit's compile found its callee does with its parameters.  A block
   only read there, directly or through a relay in a third unit, moves;
   one that a callee keeps in a global, frees, returns into a global or
   hands to a thread keeps the heap.  A wrong move of those would be
   read after scribble overwrote it, or freed by glibc as a stack
   address, which aborts.  */
/* { dg-do run } */
/* Without sibling calls, the tail-call rule (tail-recursion-barrier-run.c)
   stays out of what this test shows.  */
/* { dg-options "-flto -pthread -fno-optimize-sibling-calls" } */
/* { dg-additional-sources "units/late-lto-summary-callees.c units/late-lto-summary-relay.c" } */
#include <stdlib.h>
#include <string.h>
#include "scribble.h"

extern char *kept;
int sum_bytes (const char *p, int n);
void keep (char *p);
void release (char *p);
char *same (char *p);
void start_reader (char *p);
int join_reader (void);
int relay (char *p, int n);
void relay_keep (char *p);

static char *returned_copy;

__attribute__ ((noinline)) static int
read_elsewhere (int n)
{
  char *p = malloc (100);
  memset (p, n, 100);
  int s = sum_bytes (p, 100);
  free (p);
  return s;
}

__attribute__ ((noinline)) static int
read_through_relay (int n)
{
  char *p = malloc (100);
  memset (p, n, 100);
  int s = relay (p, 100);
  free (p);
  return s;
}

__attribute__ ((noinline)) static void
kept_elsewhere (int n)
{
  char *p = malloc (100);
  memset (p, n, 100);
  keep (p);
}

__attribute__ ((noinline)) static void
kept_through_relay (int n)
{
  char *p = malloc (100);
  memset (p, n, 100);
  relay_keep (p);
}

__attribute__ ((noinline)) static void
freed_elsewhere (int n)
{
  char *p = malloc (100);
  memset (p, n, 100);
  release (p);
}

__attribute__ ((noinline)) static void
returned_by_callee (int n)
{
  char *p = malloc (100);
  memset (p, n, 100);
  returned_copy = same (p);
}

__attribute__ ((noinline)) static void
handed_to_thread (int n)
{
  char *p = malloc (100);
  memset (p, n, 100);
  start_reader (p);
}

int
main (int argc, char **argv)
{
  (void) argv;
  int n = argc + 1;
  if (read_elsewhere (n) != 200 || read_through_relay (n) != 300)
    abort ();
  kept_elsewhere (3);
  scribble ();
  if (kept[99] != 3)
    abort ();
  free (kept);
  kept_through_relay (4);
  scribble ();
  if (kept[99] != 4)
    abort ();
  free (kept);
  freed_elsewhere (5);
  returned_by_callee (6);
  scribble ();
  if (returned_copy[99] != 6)
    abort ();
  free (returned_copy);
  handed_to_thread (7);
  scribble ();
  if (join_reader () != 700)
    abort ();
  return 0;
}

/* { dg-final { scan-escape "late-lto-summary-run.c:32:13: malloc\\(100\\) -> heap: passed-to-call" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "late-lto-summary-run.c:32:13: malloc\\(100\\) -> stack: no-escape: freed at late-lto-summary-run.c:35:3" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "late-lto-summary-run.c:42:13: malloc\\(100\\) -> stack: no-escape: freed at late-lto-summary-run.c:45:3" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape-times "-> stack" 2 { target { no-opts "-O0" } } } } */
