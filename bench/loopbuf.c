/* loopbuf: a per-iteration buffer in a long loop.

   A tokenizer copies each token into a fresh NUL-terminated buffer so it
   can compare it with keywords and convert numbers, then frees it before
   the next token.  The buffer (32 bytes) is allocated inside the loop, and
   not checked, as is common for small allocations.  */

#define BENCH_ITERATIONS 10000000L
#include "bench.h"
#include <string.h>

#define MAX_TOKEN 32

static uint64_t
bench_run (const unsigned char *input, long iterations)
{
  static const char *const keywords[] = { "if", "else", "while", "for" };
  uint64_t sum = 0;
  size_t pos = 0;
  for (long i = 0; i < iterations; i++)
    {
      size_t len = 1 + input[pos] % (MAX_TOKEN - 1);
      const unsigned char *src = input + ((pos + 1) & (BENCH_INPUT_SIZE - 64));
#ifdef HAND_STACK
      char token[MAX_TOKEN];
#else
      char *token = malloc (MAX_TOKEN); /* escape: stack */
#endif
      /* Input bytes become letters and digits.  */
      for (size_t k = 0; k < len; k++)
	token[k] = src[k] < 128 ? 'a' + src[k] % 26 : '0' + src[k] % 10;
      token[len] = 0;

      uint64_t value = 0;
      if (token[0] >= '0' && token[0] <= '9')
	for (size_t k = 0; token[k] >= '0' && token[k] <= '9'; k++)
	  value = value * 10 + (token[k] - '0');
      else
	for (unsigned k = 0; k < sizeof keywords / sizeof *keywords; k++)
	  if (strcmp (token, keywords[k]) == 0)
	    value = 1000 + k;
      sum = bench_mix (sum, value + len);
#ifndef HAND_STACK
      free (token);
#endif
      pos = (pos + len + 1) & (BENCH_INPUT_SIZE - 64);
    }
  return sum;
}
