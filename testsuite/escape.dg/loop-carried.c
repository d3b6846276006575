/* An object allocated in a loop shares one slot across iterations, so it
   may move only if no pointer to it lives on into the next iteration.  */
/* { dg-do compile } */
#include <stdlib.h>

struct node { struct node *next; int value; };

int
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
  int sum = 0;
  while (head)
    {
      struct node *next = head->next;
      sum += head->value;
      free (head);
      head = next;
    }
  return sum;
}

int
kept_for_next_iteration (int n)
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
per_iteration (int n)
{
  int sum = 0;
  for (int i = 0; i < n; i++)
    {
      int *tmp = malloc (8 * sizeof *tmp);
      for (int k = 0; k < 8; k++)
	tmp[k] = i + k;
      sum += tmp[i & 7];
      free (tmp);
    }
  return sum;
}

/* { dg-final { scan-escape "loop-carried.c:14:24: malloc\\(16\\) -> heap: loop-carried" } } */
/* { dg-final { scan-escape "loop-carried.c:36:18: malloc\\(4\\) -> heap: loop-carried" } } */
/* { dg-final { scan-escape "loop-carried.c:52:18: malloc\\(32\\) -> stack: no-escape" } } */
