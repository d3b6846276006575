/* An object allocated in a loop shares one slot across iterations, so it
   may move only if no pointer to it lives on into the next iteration.  A
   list built in a loop needs one object per iteration: with a single
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
  /* The values are only compared, so no rule but the loop's keeps the
     nodes on the heap; with one slot for all of them the list is one node
     that points to itself.  */
  int count = 0, ok = 1;
  while (head && count <= n)
    {
      struct node *next = head->next;
      ok &= head->value == n - 1 - count;
      count++;
      free (head);
      head = next;
    }
  return ok && count == n ? n : -1;
}

__attribute__((noinline)) static int
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

__attribute__((noinline)) static int
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

int
main (void)
{
  if (build_list (100) != 100)
    abort ();
  /* cur_i = i (i + 1) / 2, summed over 0..9.  */
  if (kept_for_next_iteration (10) != 165)
    abort ();
  /* tmp[i & 7] = i + (i & 7): 2 * (0 + ... + 7), then 8 + 0 and 9 + 1.  */
  if (per_iteration (10) != 74)
    abort ();
  return 0;
}

/* { dg-final { scan-escape "loop-carried.c:16:24: malloc\\(16\\) -> heap: loop-carried" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "loop-carried.c:42:18: malloc\\(4\\) -> heap: loop-carried" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "loop-carried.c:58:18: malloc\\(32\\) -> stack: no-escape" { target { no-opts "-O0" } } } } */
