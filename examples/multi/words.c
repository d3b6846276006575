/* Words: copying, counting and hashing them.  */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "multi.h"

/* The copy is the result: it stays on the heap (returned).  */
char *
copy_word (const char *s)
{
  char *copy = malloc (strlen (s) + 1);
  if (copy)
    strcpy (copy, s);
  return copy;
}

/* The size is bounded, but the bound, 6001 bytes, is above max-size.  */
int
count_vowels (const char *s, unsigned n)
{
  if (n > 6000)
    return -1;
  char *lower = malloc (n + 1);
  if (!lower)
    return -1;
  int vowels = 0;
  for (unsigned i = 0; i < n; i++)
    {
      lower[i] = tolower ((unsigned char) s[i]);
      vowels += strchr ("aeiou", lower[i]) != NULL;
    }
  free (lower);
  return vowels;
}

/* Returns its buffer, so its own copy stays on the heap; once inlined
   into hash_word, which frees it, the copy there moves to the stack.  */
static char *
scratch (void)
{
  return malloc (32);
}

unsigned
hash_word (const char *s)
{
  char *buf = scratch ();
  if (!buf)
    return 0;
  strncpy (buf, s, 31);
  buf[31] = 0;
  unsigned h = 5381;
  for (char *p = buf; *p; p++)
    h = h * 33 + (unsigned char) *p;
  free (buf);
  return h;
}
