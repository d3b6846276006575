/* A chained hash table of words.  */
#include <stdlib.h>
#include "multi.h"

struct entry
{
  struct entry *next;
  char *word;
};

struct table
{
  unsigned nbuckets, size;
  struct entry **buckets;
};

/* The table is the result (returned), and so are its buckets.  */
struct table *
table_new (unsigned nbuckets)
{
  struct table *t = malloc (sizeof *t);
  if (!t)
    return NULL;
  t->nbuckets = nbuckets;
  t->size = 0;
  t->buckets = calloc (nbuckets, sizeof *t->buckets);
  return t;
}

static unsigned
bucket_of (const struct table *t, const char *word)
{
  unsigned h = 0;
  while (*word)
    h = h * 31 + (unsigned char) *word++;
  return h % t->nbuckets;
}

/* An entry is stored into the caller's table.  The plugin reports
   stored-global rather than stored-memory: the bucket index is computed
   from bytes read through the WORD parameter, and the analysis assumes
   that memory it does not own may hold the address of any global.  */
void
table_add (struct table *t, char *word)
{
  struct entry *e = malloc (sizeof *e);
  if (!e)
    return;
  unsigned h = bucket_of (t, word);
  e->word = word;
  e->next = t->buckets[h];
  t->buckets[h] = e;
  t->size++;
}

/* A constant 6000 bytes: above the default max-size of 4096.  */
unsigned
table_longest_chain (const struct table *t)
{
  unsigned *lengths = calloc (1500, sizeof *lengths);
  if (!lengths)
    return 0;
  unsigned longest = 0;
  for (unsigned b = 0; b < t->nbuckets && b < 1500; b++)
    {
      for (struct entry *e = t->buckets[b]; e; e = e->next)
	lengths[b]++;
      if (lengths[b] > longest)
	longest = lengths[b];
    }
  free (lengths);
  return longest;
}

unsigned
table_size (const struct table *t)
{
  return t->size;
}

void
table_free (struct table *t)
{
  for (unsigned b = 0; b < t->nbuckets; b++)
    for (struct entry *e = t->buckets[b], *next; e; e = next)
      {
	next = e->next;
	free (e->word);
	free (e);
      }
  free (t->buckets);
  free (t);
}
