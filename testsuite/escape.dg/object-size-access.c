/* In a function whose parameters have an access attribute with a size,
   GCC answers the object size of the pointer parameter with the size
   parameter, wherever the pointer points: size_given returns n, and
   with it the bytes of q's address.  GCC's own alias analysis does not
   follow that flow, so the program cannot be run: the plain build
   already loses q's contents.  q stays on the heap.  */
/* { dg-do compile { target { gcc-min 12 } } } */
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

char pool[300];

__attribute__ ((access (read_only, 1, 2), noinline)) size_t
size_given (const char *p, size_t n)
{
  return __builtin_dynamic_object_size (p, 0);
}

char *
by_access (void)
{
  char *q = malloc (16);
  strcpy (q, "hello, world");
  uintptr_t address = (uintptr_t) q, back = 0;
  for (int i = 0; i < 8; i++)
    {
      size_t b = (address >> (8 * i)) & 0xff;
      size_t size = size_given (pool, b + 1);
      if (size != b + 1)
	{
	  free (q);
	  return NULL;
	}
      back |= (uintptr_t) (size - 1) << (8 * i);
    }
  return (char *) back;
}

/* { dg-final { scan-escape "malloc\\(16\\) -> heap: returned" { target { no-opts "-O0" } } } } */
