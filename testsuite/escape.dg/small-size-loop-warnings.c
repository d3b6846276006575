/* A stack-if-small slot in a loop lives on to the end of the function:
   its guarded frees read the pointer, and an end of the slot's life at
   the loop's latch would make GCC's -Wdangling-pointer, walking back
   around the loop, see them as uses of a dangling pointer.
   -Wdangling-pointer is GCC 12's.  */
/* { dg-do compile { target { gcc-min 12 } } } */
/* { dg-options "-O1 -Wdangling-pointer" } */
#include <stdlib.h>
#include <string.h>

extern volatile size_t sizes[4];

int
sum_last (void)
{
  int s = 0;
  for (int i = 0; i < 20; i++)
    {
      size_t n = sizes[i % 4];
      char *p = malloc (n);
      if (!p)
	return -1;
      memset (p, 5, n);
      if (n)
	s += p[n - 1];
      if (i == 11)
	{
	  free (p); /* { dg-bogus "dangling pointer" } */
	  break;
	}
      free (p);
    }
  return s;
}

/* { dg-final { scan-escape "malloc\\(n_\[0-9\]+\\) -> stack-if-small: unknown-size" } } */
