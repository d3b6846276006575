/* A list built in a loop needs one object per iteration: with a single
   stack slot every node would be the same node.  */
/* { dg-do run } */
#include <stdlib.h>

struct node { struct node *next; int value; };

__attribute__((noinline)) static int
build_list (int n)
{
  struct node *head = 0;
  for (int i = 0; i < n; i++)
    {
      struct node *x = malloc (sizeof *x);
      x->value = i;
      x->next = head;
      head = x;
    }
  int sum = 0, count = 0;
  while (head && count <= n)
    {
      struct node *next = head->next;
      sum += head->value;
      count++;
      free (head);
      head = next;
    }
  return count == n ? sum : -1;
}

__attribute__((noinline)) static int
running (int n)
{
  int *prev = 0, sum = 0;
  for (int i = 0; i < n; i++)
    {
      int *cur = malloc (sizeof *cur);
      *cur = i + (prev ? *prev : 0);
      sum += *cur;
      free (prev);
      prev = cur;
    }
  free (prev);
  return sum;
}

int
main (void)
{
  if (build_list (100) != 4950)
    abort ();
  /* cur_i = i (i + 1) / 2, summed over 0..9.  */
  if (running (10) != 165)
    abort ();
  return 0;
}
