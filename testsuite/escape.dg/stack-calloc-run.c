/* calloc's zeroing happens every time the allocation runs, also when one
   stack slot serves every iteration.  */
/* { dg-do run } */
#include <stdlib.h>

__attribute__((noinline)) static int
histogram (const unsigned char *data, int len, int rounds)
{
  int total = 0;
  for (int r = 0; r < rounds; r++)
    {
      int *counts = calloc (16, sizeof *counts);
      for (int i = 0; i < len; i++)
	counts[data[i] & 15]++;
      total += counts[3];
      free (counts);
    }
  return total;
}

int
main (void)
{
  unsigned char data[100];
  for (int i = 0; i < 100; i++)
    data[i] = (unsigned char) i;
  /* 3, 19, ..., 99: seven values a round.  */
  if (histogram (data, 100, 50) != 7 * 50)
    abort ();
  return 0;
}
