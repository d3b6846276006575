/* Aligned SSE stores fault on a misaligned address: a moved object must
   be aligned as malloc would align it (16 bytes) or as aligned_alloc
   asks.  */
/* { dg-do run } */
#include <stdlib.h>

typedef int v4si __attribute__ ((vector_size (16)));
struct block { v4si lanes[4]; };

__attribute__((noinline)) static int
lanes (int n)
{
  char pad = (char) n;
  struct block *b = malloc (sizeof *b);
  for (int i = 0; i < 4; i++)
    b->lanes[i] = (v4si) { n, n + 1, n + 2, n + pad };
  int r = b->lanes[3][2];
  free (b);
  return r;
}

__attribute__((noinline)) static int
wide (int n)
{
  struct block *b = aligned_alloc (64, sizeof (struct block));
  for (int i = 0; i < 4; i++)
    b->lanes[i] = (v4si) { n, n, n, n };
  int r = b->lanes[2][1];
  free (b);
  return r;
}

int
main (void)
{
  if (lanes (5) != 7 || wide (9) != 9)
    abort ();
  return 0;
}
