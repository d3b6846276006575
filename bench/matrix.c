/* matrix: a small matrix temporary in numeric code.

   A 4x4 transform is multiplied in place, acc = acc * m, through a
   temporary so that the result may alias an operand, as in graphics and
   robotics libraries.  16 doubles are exactly LLVM's 128-byte limit.
   Like much numeric code, it does not check the allocation.  The
   transforms are contractions, and the identity is added back each step,
   so the values stay bounded and never become subnormal.  */

#define BENCH_ITERATIONS 10000000L
#include "bench.h"
#include <string.h>

static void
mat4_mul_inplace (double *acc, const double *m)
{
#ifdef HAND_STACK
  double t[16];
#else
  double *t = malloc (16 * sizeof *t); /* escape: stack */
#endif
  for (int i = 0; i < 4; i++)
    for (int j = 0; j < 4; j++)
      {
	double s = 0;
	for (int k = 0; k < 4; k++)
	  s += acc[i * 4 + k] * m[k * 4 + j];
	t[i * 4 + j] = s;
      }
  memcpy (acc, t, 16 * sizeof *t);
#ifndef HAND_STACK
  free (t);
#endif
}

static uint64_t
bench_run (const unsigned char *input, long iterations)
{
  /* Eight transforms with entries in [-1/8, 1/8): every row sums to less
     than 1/2 in absolute value.  */
  double m[8][16];
  for (int t = 0; t < 8; t++)
    for (int e = 0; e < 16; e++)
      m[t][e] = (input[t * 16 + e] - 128) / 1024.0;

  double acc[16];
  for (int e = 0; e < 16; e++)
    acc[e] = e % 5 == 0;
  uint64_t sum = 0;
  for (long i = 0; i < iterations; i++)
    {
      mat4_mul_inplace (acc, m[i & 7]);
      for (int d = 0; d < 4; d++)
	acc[d * 5] += 1.0;
      sum = bench_mix (sum, (uint64_t) (int64_t) (acc[i & 15] * 1e12));
    }
  return sum;
}
