/* The late instance's call graph has the outside node too.  Each of
   three wrappers, too large for the early inliner, is inlined into its
   only caller, which frees the block.  from_extern calls hook, of
   another unit, which may call from_extern back; from_pointer calls
   through a pointer, which may too: both frames may recur, and take no
   late move.  from_leaf calls only functions that cannot call back.  */
/* { dg-do compile } */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void hook (char *);

/* Its notes go into memory: output to a stream may call back.  */
static char note[32];

#define WRAPPER(name, k)					\
  static char *							\
  name (int n)							\
  {								\
    char *p = malloc (k);					\
    memset (p, n, k);						\
    if (n > 1000)						\
      snprintf (note, sizeof note, #name " %d", n);		\
    if (n > 2000)						\
      snprintf (note, sizeof note, #name ", more %d", n);	\
    if (n > 3000)						\
      snprintf (note, sizeof note, #name ", most %d", n);	\
    return p;							\
  }

WRAPPER (block_extern, 100)
WRAPPER (block_pointer, 200)
WRAPPER (block_leaf, 300)

int
from_extern (int n)
{
  char *p = block_extern (n);
  hook (0);
  int r = p[n % 100];
  free (p);
  return r;
}

int
from_pointer (int n, void (*f) (char *))
{
  char *p = block_pointer (n);
  f (0);
  int r = p[n % 200];
  free (p);
  return r;
}

int
from_leaf (int n)
{
  char *p = block_leaf (n);
  int r = p[n % 300];
  free (p);
  return r;
}

/* { dg-final { scan-escape "malloc\\(300\\) -> stack: no-escape: freed at late-outside-cycle.c:61:3" } } */
/* { dg-final { scan-escape-not "malloc\\(100\\) -> stack" } } */
/* { dg-final { scan-escape-not "malloc\\(200\\) -> stack" } } */
