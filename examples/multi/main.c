/* multi: prints statistics about the words of its arguments.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "multi.h"

struct node
{
  struct node *next;
  int vowels;
};

int
main (int argc, char **argv)
{
  log_open ();
  struct table *t = table_new (64);
  if (!t)
    return 1;

  /* Each node outlives its iteration (loop-carried).  */
  struct node *list = NULL;
  for (int i = 1; i < argc; i++)
    {
      table_add (t, copy_word (argv[i]));
      struct node *n = malloc (sizeof *n);
      if (!n)
	return 1;
      n->vowels = count_vowels (argv[i], strlen (argv[i]));
      n->next = list;
      list = n;
    }

  int silent = 0;
  while (list)
    {
      struct node *next = list->next;
      if (list->vowels == 0)
	silent++;
      free (list);
      list = next;
    }
  printf ("%d words without vowels\n", silent);

  /* Word lengths, passed to log_hex of another file (passed-to-call).  */
  unsigned char *by_length = calloc (16, 1);
  if (!by_length)
    return 1;
  for (int i = 1; i < argc; i++)
    by_length[strlen (argv[i]) & 15]++;
  log_hex (by_length, 16);
  free (by_length);

  print_report (t);
  printf ("%u\n", checksum_blocks (argc > 1 ? argv[1] : "x"));
  table_free (t);
  log_close ();
  return 0;
}
