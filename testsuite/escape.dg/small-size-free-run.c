/* The frees of a stack-if-small site are guarded: free (q) becomes
   if (q != &slot) free (q).  A pointer that may be the site's or
   another heap object's is freed where it is not the slot: freeing the
   slot crashes in free, and skipping a heap object leaks, which
   mallinfo2 counts.  Sizes on both sides of the slot's 256 bytes take
   both ways of each guard.  */
/* { dg-do run } */
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

volatile size_t small = 100, large = 1000;

/* Keeps the other object on the heap (stored-global).  */
static char *volatile last;

__attribute__ ((noinline)) static int
swap_and_free (size_t n, size_t m, int which)
{
  char *p = malloc (n);
  char *o = malloc (m);
  last = o;
  if (!p || !o)
    return -1;
  memset (p, 1, n);
  memset (o, 2, m);
  char *q = which ? p : o;
  char *r = which ? o : p;
  int v = q[0] * 10 + r[0];
  free (q);
  free (r);
  return v;
}

static size_t
in_use (void)
{
  struct mallinfo2 m = mallinfo2 ();
  return m.uordblks + m.hblkhd;
}

int
main (void)
{
  /* Warm up the allocator, so that its own bookkeeping is counted.  */
  swap_and_free (large, large, 0);
  size_t before = in_use ();
  for (int i = 0; i < 4000; i++)
    {
      size_t n = i & 1 ? small : large, m = i & 2 ? small : large;
      int which = (i >> 2) & 1;
      if (swap_and_free (n, m, which) != (which ? 12 : 21))
	abort ();
    }
  /* A free skipped for a heap object would leak 100 bytes or more 1000
     times at least.  */
  if (in_use () > before + 32768)
    abort ();
  return 0;
}

/* { dg-final { scan-escape "small-size-free-run.c:20:13: malloc\\(n_\[0-9\]+\\(D\\)\\) -> stack-if-small: unknown-size: sizes up to 256 bytes in a stack slot, larger ones on the heap \\(not constant, and no bound is known\\); freed at small-size-free-run.c:30:3, small-size-free-run.c:31:3" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "small-size-free-run.c:21:13: malloc\\(m_\[0-9\]+\\(D\\)\\) -> heap: stored-global" { target { no-opts "-O0" } } } } */
