/* Accesses p[i] of moved objects, which the pass turns into array
   accesses, read and write the same bytes as the hand-written arrays
   they are compared with: elements of 1, 3, 4, 8 bytes, indexes of
   unsigned char, int, long and a computed int, an element pointer that
   is also compared and passed on, bytes read back through unsigned char,
   and an element whose type changes from unsigned to float.  */
/* { dg-do run } */
#include <stdlib.h>
#include <string.h>

struct rgb { unsigned char r, g, b; };

__attribute__((noinline)) static long
first_of (const double *q)
{
  return (long) (q[0] * 4);
}

#define ALLOC(type, var, n) type *var = calloc (n, sizeof *var)
#define RELEASE(var) free (var)

#define BODY								\
  ALLOC (unsigned, counts, 64);						\
  ALLOC (double, d, 16);						\
  ALLOC (struct rgb, px, 10);						\
  ALLOC (long long, w, 8);						\
  ALLOC (unsigned, u, 4);						\
  for (int i = 0; i < n; i++)						\
    counts[data[i] & 63]++;						\
  for (int i = 0; i < 16; i++)						\
    d[i] = i * 0.5 + data[i];						\
  for (long i = 0; i < 10; i++)						\
    {									\
      px[i].r = (unsigned char) i;					\
      px[i].g = (unsigned char) (2 * i + data[i]);			\
      px[i].b = (unsigned char) (3 * i);				\
    }									\
  for (int i = 0; i < 8; i++)						\
    w[i + bias] = (long long) data[i] << 40;				\
  long r = 0;								\
  double *q = &d[data[0] & 15];						\
  if (q != d + (data[0] & 15))						\
    abort ();								\
  r += first_of (q);							\
  unsigned char *bytes = (unsigned char *) &counts[data[1] & 63];	\
  r += bytes[0] * 3 + bytes[1] * 5;					\
  for (int i = 0; i < 64; i++)						\
    r += (long) counts[i] * (i + 1);					\
  for (int i = 0; i < 10; i++)						\
    r += px[i].r + px[i].g * 7 + px[i].b * 11;				\
  for (int i = 0; i < 8; i++)						\
    r += (long) (w[i] >> 40) * (i + 3);					\
  int k = data[2] & 3;							\
  u[k] = 0x40200000u;							\
  float f;								\
  memcpy (&f, &u[k], sizeof f);						\
  ((float *) u)[k] = f * 2;						\
  r += (long) ((float *) u)[k];						\
  RELEASE (counts);							\
  RELEASE (d);								\
  RELEASE (px);								\
  RELEASE (w);								\
  RELEASE (u);								\
  return r;

__attribute__((noinline)) static long
heap_work (const unsigned char *data, int n, int bias)
{
  BODY
}

#undef ALLOC
#undef RELEASE
#define ALLOC(type, var, n) type var[n]; memset (var, 0, sizeof var)
#define RELEASE(var) (void) 0

__attribute__((noinline)) static long
hand_work (const unsigned char *data, int n, int bias)
{
  BODY
}

int
main (void)
{
  unsigned char data[200];
  for (int i = 0; i < 200; i++)
    data[i] = (unsigned char) (i * 37 + 11);
  for (int bias = 0; bias < 1; bias++)
    if (heap_work (data, 200, bias) != hand_work (data, 200, bias))
      abort ();
  return 0;
}
