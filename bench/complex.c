/* complex: a small vector temporary in numeric code.

   A complex multiply-accumulate written against a library whose multiply
   fills an output struct: the caller allocates the result, reads it and
   frees it.  The multiply stays out of line, as a library function would,
   so GCC alone cannot fold the allocation away.  The work per allocation
   is a few floating-point operations: the benchmark is allocation-bound.
   The result is not checked, as is common for small allocations.  */

#define BENCH_ITERATIONS 30000000L
#include "bench.h"

struct complex
{
  double re, im;
};

__attribute__ ((noinline)) static void
complex_mul (struct complex *out, const struct complex *a,
	     const struct complex *b)
{
  out->re = a->re * b->re - a->im * b->im;
  out->im = a->re * b->im + a->im * b->re;
}

static uint64_t
bench_run (const unsigned char *input, long iterations)
{
  /* 64 factors with parts in [-1, 1).  */
  struct complex w[64];
  for (int k = 0; k < 64; k++)
    {
      w[k].re = (input[2 * k] - 128) / 128.0;
      w[k].im = (input[2 * k + 1] - 128) / 128.0;
    }
  struct complex acc = { 0, 0 };
  for (long i = 0; i < iterations; i++)
    {
#ifdef HAND_STACK
      struct complex product;
      struct complex *t = &product;
#else
      struct complex *t = malloc (sizeof *t); /* escape: stack */
#endif
      complex_mul (t, &w[i & 63], &w[(i >> 6) & 63]);
      acc.re += t->re;
      acc.im += t->im;
#ifndef HAND_STACK
      free (t);
#endif
    }
  return (uint64_t) (int64_t) (acc.re * 1e3) ^ (uint64_t) (int64_t) (acc.im
								   * 1e3);
}
