/* An object handed out through an out-parameter outlives its function;
   one kept in a local struct is correct on the stack.  */
/* { dg-do run } */
#include <stdlib.h>
#include <string.h>
#include "scribble.h"

struct box { char *data; int len; };

__attribute__((noinline)) static void
produce (struct box *b)
{
  b->data = malloc (40);
  memset (b->data, 'q', 40);
  b->len = 40;
}

__attribute__((noinline)) static int
local_box (int n)
{
  struct box b;
  b.data = malloc (40);
  b.len = n;
  for (int i = 0; i < 40; i++)
    b.data[i] = (char) (i + n);
  int sum = 0;
  for (int i = 0; i < 40; i++)
    sum += b.data[i];
  free (b.data);
  return sum;
}

int
main (void)
{
  struct box b;
  produce (&b);
  scribble ();
  for (int i = 0; i < b.len; i++)
    if (b.data[i] != 'q')
      abort ();
  free (b.data);
  if (local_box (3) != 40 * 3 + 780)
    abort ();
  return 0;
}
