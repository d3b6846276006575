/* A tokenizer that hands each token out as a fresh string
   (smalltoken-short.c, smalltoken-long.c).

   Each token of a line of text is copied into a buffer of its length
   plus one, by hand or with strndup (COPY_WITH_STRNDUP), looked up in a
   keyword table and freed.  The token's length is whatever the text
   holds: the plugin gives the site the stack-if-small slot.  HAND_STACK
   is the small-buffer code a programmer writes for it.  WORD_LEN sets
   the words' length.  */

#include "bench.h"
#include <string.h>

#define SMALL 256
#define LINE_WORDS 64

#ifdef COPY_WITH_STRNDUP
# define NEW_TOKEN(start, len) strndup (start, len)
# define NEW_TOKEN_COPIES 1
#else
# define NEW_TOKEN(start, len) malloc ((len) + 1)
# define NEW_TOKEN_COPIES 0
#endif

static const char *const keywords[] = { "if", "else", "while", "for",
					"return", "static", "struct" };

/* The keyword's number plus one, or the token's first letter.  */
static unsigned
classify (const char *start, size_t len)
{
#ifdef HAND_STACK
  char small[SMALL];
  char *tok = len + 1 <= SMALL ? small : NEW_TOKEN (start, len);
  int copied = NEW_TOKEN_COPIES && tok != small;
#else
  char *tok = NEW_TOKEN (start, len); /* escape: stack-if-small */
  int copied = NEW_TOKEN_COPIES;
#endif
  if (!tok)
    abort ();
  if (!copied)
    {
      memcpy (tok, start, len);
      tok[len] = 0;
    }
  unsigned r = (unsigned char) tok[len / 2];
  for (unsigned k = 0; k < sizeof keywords / sizeof *keywords; k++)
    if (strcmp (tok, keywords[k]) == 0)
      r = k + 1;
#ifdef HAND_STACK
  if (tok != small)
#endif
    free (tok);
  return r;
}

static uint64_t
bench_run (const unsigned char *input, long iterations)
{
  /* A line of LINE_WORDS words of WORD_LEN to WORD_LEN + 7 letters or
     keywords, separated by single spaces.  */
  static char line[LINE_WORDS * (WORD_LEN + 8) + 1];
  size_t n = 0;
  for (int w = 0; w < LINE_WORDS; w++)
    {
      unsigned char b = input[w * 16];
      if (b % 4 == 0)
	{
	  const char *k = keywords[b / 4 % 7];
	  memcpy (line + n, k, strlen (k));
	  n += strlen (k);
	}
      else
	for (int c = 0; c < WORD_LEN + b % 8; c++)
	  line[n++] = 'a' + input[(w * 16 + 1 + c) % BENCH_INPUT_SIZE] % 26;
      line[n++] = ' ';
    }
  line[n] = 0;

  uint64_t sum = 0;
  for (long i = 0; i < iterations; i += LINE_WORDS)
    {
      const char *p = line;
      while (*p)
	{
	  const char *end = strchr (p, ' ');
	  sum = bench_mix (sum, classify (p, (size_t) (end - p)));
	  p = end + 1;
	}
    }
  return sum;
}
