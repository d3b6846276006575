/* malloc (0) and calloc with a zero count get a slot of one byte, since
   the pointer must be unique; where its size is asked, the answer
   would be 1 for an object of 0 bytes, so such a site keeps the heap.  A site of a constant size moves, with its exact size.  */
/* { dg-do run } */
#include <stdio.h>
#include <stdlib.h>

volatile int round_trip = 1;

/* Without optimization GCC answers (size_t) -1, not knowing.  */
static int
unknown_or (size_t size, size_t exact)
{
  return size == (size_t) -1 || size == exact;
}

__attribute__ ((noinline)) static int
sizes (void)
{
  int bad = 0;
  char *none = malloc (0);
  char *no_elements = calloc (0, 8);
  char *some = malloc (8);
  if (!some)
    return 1;
  some[0] = round_trip;
  bad |= none && !unknown_or (__builtin_object_size (none, 0), 0);
  bad |= no_elements
	 && !unknown_or (__builtin_object_size (no_elements, 0), 0);
  bad |= !unknown_or (__builtin_object_size (some, 0), 8);
  bad |= some[0] != 1;
  free (none);
  free (no_elements);
  free (some);
  return bad;
}

int
main (void)
{
  if (sizes ())
    {
      puts ("an object size changed");
      return 1;
    }
  return 0;
}

/* { dg-final { scan-escape "malloc\\(0\\) -> heap: unknown-size: 0 bytes, and the object-size query \\(__builtin_object_size\\) at object-size-zero.c:27:\[0-9\]+ would see the 1 byte of a slot" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "calloc\\(0, 8\\) -> heap: unknown-size: 0 bytes" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(8\\) -> stack: no-escape" { target { no-opts "-O0" } } } } */
