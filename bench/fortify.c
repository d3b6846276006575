/* fortify: a fixed scratch buffer under _FORTIFY_SOURCE=2.

   A logger of a hardened build (-D_FORTIFY_SOURCE=2 -O2, as distributions
   build) formats a record into a 96-byte scratch buffer with snprintf and
   copies fields into it with memcpy: both become the checking _chk
   calls, which get the object's size from __builtin_object_size.  That
   size depends on where the pointer points inside its object, not on
   its address, so the buffer moves; a moved buffer of a constant size
   keeps its size, and so the checks.  */

#define _FORTIFY_SOURCE 2
#define BENCH_ITERATIONS 3000000L
#include "bench.h"
#include <string.h>

#define SCRATCH 96

static uint64_t
record (const char *host, size_t host_len, unsigned seq)
{
#ifdef HAND_STACK
  char buf[SCRATCH];
#else
  char *buf = malloc (SCRATCH); /* escape: stack */
  if (!buf)
    abort ();
#endif
  size_t len = host_len < 32 ? host_len : 32;
  memcpy (buf, host, len);
  int n = snprintf (buf + len, SCRATCH - len, " seq=%u", seq);
  size_t end = len + (n < 0 ? 0 : (size_t) n);
  uint64_t h = 14695981039346656037ull;
  for (size_t i = 0; i < end && i < SCRATCH; i++)
    h = (h ^ (unsigned char) buf[i]) * 1099511628211ull;
#ifndef HAND_STACK
  free (buf);
#endif
  return h;
}

static uint64_t
bench_run (const unsigned char *input, long iterations)
{
  char hosts[8][48];
  size_t host_len[8];
  for (int k = 0; k < 8; k++)
    {
      host_len[k] = 4 + input[k * 64] % 40;
      for (size_t c = 0; c < host_len[k]; c++)
	hosts[k][c] = 'a' + input[k * 64 + 1 + c] % 26;
    }
  uint64_t sum = 0;
  for (long i = 0; i < iterations; i++)
    sum = bench_mix (sum, record (hosts[i & 7], host_len[i & 7],
				  (unsigned) i));
  return sum;
}
