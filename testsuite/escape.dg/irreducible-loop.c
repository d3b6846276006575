/* A loop entered in the middle (a goto into it) is a cycle of the CFG
   without a header.  A site on such a cycle, or in a natural loop nested
   in one, whose object the next round still reads through a phi at the
   cycle's other entry, keeps the heap: one slot would serve both rounds.
   A site whose object dies in its own round may move.  */
/* { dg-do run } */
#include <stdlib.h>

__attribute__((noinline)) int
nested_in_irreducible (int n, int resume)
{
  int *prev = NULL, *cur;
  int sum = 0, i = 0;
  if (resume)
    goto next;
  for (;;)
    {
      for (int tries = 0;; tries++)
	{
	  cur = malloc (4 * sizeof *cur);
	  cur[0] = i * 10 + tries;
	  if (tries == 1)
	    break;
	  free (cur);
	}
      if (prev)
	{
	  sum += prev[0];
	  free (prev);
	}
      prev = cur;
    next:
      if (++i > n)
	break;
    }
  if (prev)
    {
      sum += prev[0];
      free (prev);
    }
  return sum;
}

__attribute__((noinline)) int
on_irreducible_cycle (int n, int resume)
{
  int *prev = NULL;
  int sum = 0, i = 0;
  if (resume)
    goto next;
  for (;;)
    {
      int *cur = malloc (2 * sizeof *cur);
      cur[0] = i * 3;
      if (prev)
	{
	  sum += prev[0];
	  free (prev);
	}
      prev = cur;
    next:
      if (++i > n)
	break;
    }
  if (prev)
    {
      sum += prev[0];
      free (prev);
    }
  return sum;
}

__attribute__((noinline)) int
dies_in_its_round (int n, int resume)
{
  int sum = 0, i = 0;
  if (resume)
    goto next;
  for (;;)
    {
      for (int tries = 0;; tries++)
	{
	  int *tmp = malloc (3 * sizeof *tmp);
	  tmp[0] = i * 10 + tries;
	  tmp[1] = tmp[0] * 2;
	  sum += tmp[1] - tmp[0];
	  free (tmp);
	  if (tries == 1)
	    break;
	}
    next:
      if (++i > n)
	break;
    }
  return sum;
}

int
main (void)
{
  if (nested_in_irreducible (4, 0) != 105
      || nested_in_irreducible (4, 1) != 104)
    abort ();
  if (on_irreducible_cycle (4, 0) != 30 || on_irreducible_cycle (4, 1) != 30)
    abort ();
  if (dies_in_its_round (4, 0) != 205 || dies_in_its_round (4, 1) != 204)
    abort ();
  return 0;
}

/* { dg-final { scan-escape "irreducible-loop.c:20:10: malloc\\(16\\) -> heap: loop-carried" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "irreducible-loop.c:53:18: malloc\\(8\\) -> heap: loop-carried" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "irreducible-loop.c:83:15: malloc\\(12\\) -> stack: no-escape" { target { no-opts "-O0" } } } } */
