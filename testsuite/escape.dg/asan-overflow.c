/* A moved buffer keeps ASan's bounds checks as a stack array: writing one
   byte past it is reported as a stack-buffer-overflow.  At -O0 the pass
   does not run and the buffer stays on the heap, where the same write is
   a heap-buffer-overflow.  Rather than skip -O0, the program says which
   report it expects (__OPTIMIZE__ is defined at exactly the levels where
   the pass runs), and the output pattern requires that report: accepting
   either at every level would also pass if the site stopped moving.  */
/* { dg-do run } */
/* { dg-options "-fsanitize=address" } */
/* { dg-shouldfail "one byte written past the buffer" } */
/* { dg-output "expect (stack|heap)-buffer-overflow\n.*ERROR: AddressSanitizer: \\1-buffer-overflow" } */
#include <stdio.h>
#include <stdlib.h>

/* Volatile, so the compiler neither warns about the constant index nor
   folds the store away.  */
volatile int past_end = 16;

__attribute__((noinline)) static int
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

int
main (void)
{
#ifdef __OPTIMIZE__
  fputs ("expect stack-buffer-overflow\n", stderr);
#else
  fputs ("expect heap-buffer-overflow\n", stderr);
#endif
  return overflow () == 3 ? 0 : 2;
}
