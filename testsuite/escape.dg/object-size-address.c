/* An object size is a number the program can use: GCC's object-size
   pass answers __builtin_dynamic_object_size of a new object with the
   size the allocation was given (malloc, calloc, realloc, strndup, a
   function declared alloc_size).  A size made of the bytes of an
   address hands the address back, so q must stay on the heap in each
   function below: a moved q would be a dead slot when main reads and
   frees it.  Where GCC cannot fold a size (-O0, strndup before GCC 13)
   it answers (size_t) -1, and the function frees q itself.  GCC's own
   alias analysis does not follow the sizes either: q is read before the
   return, so that GCC keeps the bytes written into it.  object-size-access.c has the size of a
   parameter.  */
/* { dg-do run { target { gcc-min 12 } } } */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "scribble.h"

static char pool[300];
volatile size_t zero;
volatile char seen;
static char *volatile anywhere = pool;

/* The pool is the object, whatever size it is asked for.  */
__attribute__ ((alloc_size (1), noinline)) static void *
from_pool (size_t n)
{
  (void) n;
  return anywhere;
}

__attribute__ ((noinline)) static size_t
size_of_calloc (size_t n)
{
  char *p = calloc (n, 1);
  size_t size = __builtin_dynamic_object_size (p, 0);
  free (p);
  return size;
}

/* Each function hands back q's address, one byte at a time, as the size
   of an object of that many bytes plus one.  */
#define LEAK(name, size_of)						\
  __attribute__ ((noinline)) static char *				\
  name (void)								\
  {									\
    char *q = malloc (16);						\
    strcpy (q, "hello, world");						\
    uintptr_t address = (uintptr_t) q, back = 0;			\
    for (int i = 0; i < 8; i++)						\
      {									\
	size_t b = (address >> (8 * i)) & 0xff;				\
	size_t size = size_of;						\
	if (size != b + 1)						\
	  {								\
	    free (q);							\
	    return NULL;						\
	  }								\
	back |= (uintptr_t) (size - 1) << (8 * i);		\
      }									\
    seen = q[zero];							\
    return (char *) back;						\
  }

static char *p;

LEAK (by_malloc, (p = malloc (b + 1), size = __builtin_dynamic_object_size (p, 0), free (p), size))
LEAK (by_helper, size_of_calloc (b + 1))
LEAK (by_realloc, (p = realloc (malloc (1), b + 1), size = __builtin_dynamic_object_size (p, 0), free (p), size))
LEAK (by_strndup, (p = strndup ("many more than two hundred and fifty six characters: 012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789", b), size = __builtin_dynamic_object_size (p, 0), free (p), size))
LEAK (by_alloc_size, (p = from_pool (b + 1), __builtin_dynamic_object_size (p, 0)))

static int
check (const char *how, char *q)
{
  if (!q)
    return 0;
  scribble ();
  int bad = strcmp (q, "hello, world") != 0;
  if (bad)
    printf ("%s: the object is gone\n", how);
  free (q);
  return bad;
}

int
main (void)
{
  int bad = check ("malloc", by_malloc ());
  bad |= check ("a helper's calloc", by_helper ());
  bad |= check ("realloc", by_realloc ());
  bad |= check ("strndup", by_strndup ());
  bad |= check ("alloc_size", by_alloc_size ());
  return bad;
}

/* { dg-final { scan-escape-times "malloc\\(16\\) -> heap: returned" 5 { target { no-opts "-O0" } } } } */
