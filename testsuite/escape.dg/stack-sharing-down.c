/* Helpers of this unit are judged by their own analysis: push writes
   through its argument and last returns a pointer into it, but neither
   keeps or frees it.  */
/* { dg-do compile } */
#include <stdlib.h>

struct vec { int len; int items[16]; };

__attribute__((noinline)) static void
push (struct vec *v, int x)
{
  v->items[v->len++] = x;
}

__attribute__((noinline)) static int *
last (struct vec *v)
{
  return &v->items[v->len - 1];
}

int
work (int n)
{
  struct vec *v = calloc (1, sizeof *v);
  for (int i = 0; i < n && i < 16; i++)
    push (v, i);
  *last (v) += 1000;
  int r = v->items[0];
  free (v);
  return r;
}

/* { dg-final { scan-escape "calloc\\(1, 68\\) -> stack: no-escape" } } */
