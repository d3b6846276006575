/* -fsanitize=address does not stop a site from moving: ASan's
   instrumentation comes later, and checks the new array like any other
   local (asan-overflow.c runs it).  */
/* { dg-do compile } */
/* { dg-options "-O2 -fsanitize=address" } */
#include <stdlib.h>

volatile int past_end = 16;

int
overflow (void)
{
  char *p = malloc (16);
  for (int i = 0; i < 16; i++)
    p[i] = (char) i;
  p[past_end] = 1;
  int r = p[3];
  free (p);
  return r;
}

/* { dg-final { scan-escape "asan-converted.c:13:13: malloc\\(16\\) -> stack: no-escape: freed at asan-converted.c:18:3" } } */
