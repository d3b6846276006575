/* Sharing down: helpers of this unit are judged by their own analysis.
   push writes through its argument, last returns a pointer into it and
   total reads it, but none keeps or frees it: they see a correct stack
   object.  */
/* { dg-do run } */
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

__attribute__((noinline)) static int
total (const struct vec *v)
{
  int s = 0;
  for (int i = 0; i < v->len; i++)
    s += v->items[i];
  return s;
}

__attribute__((noinline)) static int
work (int n)
{
  struct vec *v = calloc (1, sizeof *v);
  for (int i = 0; i < n && i < 16; i++)
    push (v, i * i);
  *last (v) += 1000;
  int r = total (v);
  free (v);
  return r;
}

int
main (void)
{
  /* 0 + 1 + 4 + 9 + 16 = 30, plus 1000.  */
  for (int k = 0; k < 1000; k++)
    if (work (5) != 1030)
      abort ();
  return 0;
}

/* { dg-final { scan-escape "calloc\\(1, 68\\) -> stack: no-escape" { target { no-opts "-O0" } } } } */
