/* The program of the stack-protector, stack-clash and split-stack tests:
   moved objects in frames that those options lay out their own way (a
   canary, page probes, a split-stack prologue).  */
#include <stdlib.h>
#include <string.h>

/* Out of line, so that the bytes really go through memory.  */
__attribute__((noinline)) static void
fill (char *p, int v, int len)
{
  memset (p, v, len);
}

__attribute__((noinline)) static int
get (const char *p, int i)
{
  return p[i];
}

/* A page: -fstack-clash-protection probes a frame this large.  */
__attribute__((noinline)) static int
page (int v)
{
  char *p = malloc (4096);
  fill (p, v, 4096);
  int r = get (p, 0) + get (p, 4095);
  free (p);
  return r;
}

/* A chain of frames with a 3 KiB object each.  */
#define LINK(name, next)			\
  __attribute__((noinline)) static int		\
  name (int v)					\
  {						\
    char *p = malloc (3072);			\
    fill (p, v, 3072);				\
    int r = get (p, 3071) + next (v + 1);	\
    free (p);					\
    return r;					\
  }

__attribute__((noinline)) static int
end (int v)
{
  return v;
}

LINK (link3, end)
LINK (link2, link3)
LINK (link1, link2)

/* A small array next to a moved object: -fstack-protector-strong puts a
   canary in this frame.  */
__attribute__((noinline)) static int
small (int v)
{
  char local[8];
  char *p = malloc (24);
  fill (local, v, 8);
  fill (p, v + 1, 24);
  int r = get (local, 7) + get (p, 23);
  free (p);
  return r;
}

int
main (void)
{
  if (page (3) != 6)
    abort ();
  /* 1 + 2 + 3 from the links, 4 from end.  */
  if (link1 (1) != 10)
    abort ();
  if (small (5) != 11)
    abort ();
  return 0;
}
