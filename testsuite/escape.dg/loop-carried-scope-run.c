/* A pointer kept in memory lives on into the next iteration, unless the
   memory is a variable of the loop's body: in C that is a new variable
   on each iteration, so what it held is gone when the site runs again
   (its scope ends at a clobber).  asprintf always stores its text in
   memory, and a struct of the body may hold a buffer.  A variable of
   the whole loop, or a goto back into the same scope, keeps the old
   text alive: moved, the old text would read as the new one.  So does
   a goto out of the scope and back in, past the clobber: the variable
   begins a new life there, and may be given the pointer again.  */
/* { dg-do run } */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__ ((noinline)) static size_t
body_variable (int n)
{
  size_t sum = 0;
  for (int i = 0; i < n; i++)
    {
      char *s;
      if (asprintf (&s, "%d:%*s", i, i, "") < 0)
	continue;
      sum += strlen (s);
      free (s);
    }
  return sum;
}

struct pair
{
  char *cur, *prev;
};

__attribute__ ((noinline)) static int
loop_variable (int n)
{
  struct pair pair = { 0, 0 };
  int bad = 0;
  for (int i = 0; i < n; i++)
    {
      pair.prev = pair.cur;
      if (asprintf (&pair.cur, "%d", i) < 0)
	abort ();
      if (pair.prev && atoi (pair.prev) != i - 1)
	bad = 1;
      free (pair.prev);
    }
  free (pair.cur);
  return bad;
}

__attribute__ ((noinline)) static int
goto_in_scope (int n)
{
  int bad = 0, i = 0;
  {
    struct pair pair = { 0, 0 };
  again:
    pair.prev = pair.cur;
    if (asprintf (&pair.cur, "%d", i) < 0)
      abort ();
    if (pair.prev && atoi (pair.prev) != i - 1)
      bad = 1;
    free (pair.prev);
    if (++i < n)
      goto again;
    free (pair.cur);
  }
  return bad;
}

__attribute__ ((noinline)) static int
out_and_back (int n)
{
  int bad = 0, i;
  char *p;
  {
    char *v[1];
    for (i = 0; i < n; i++)
      {
	p = malloc (16);
	p[0] = (char) i;
	if (i > 0 && v[0][0] != (char) (i - 1))
	  bad = 1;
	goto out;
      back:
	v[0] = p;
      }
    return bad;
  }
out:
  goto back;
}

__attribute__ ((noinline)) static int
body_struct (int n)
{
  int sum = 0;
  for (int i = 0; i < n; i++)
    {
      struct
      {
	int *v;
	int len;
      } box;
      box.v = malloc (16 * sizeof (int));
      box.len = 16;
      for (int k = 0; k < box.len; k++)
	box.v[k] = i + k;
      sum += box.v[15];
      free (box.v);
    }
  return sum;
}

int
main (void)
{
  /* Each text is its number and i blanks.  */
  size_t want = 0;
  for (int i = 0; i < 300; i++)
    want += snprintf (NULL, 0, "%d:", i) + i;
  if (body_variable (300) != want || loop_variable (5) || goto_in_scope (5)
      || out_and_back (4) || body_struct (10) != 195)
    {
      puts ("an old text or buffer was overwritten");
      return 1;
    }
  return 0;
}

/* { dg-final { scan-escape "loop-carried-scope-run.c:23:11: asprintf\\(&s, \"%d:%\\*s\", i_\[0-9\]+, i_\[0-9\]+, \"\"\\) -> stack-if-small" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "loop-carried-scope-run.c:44:11: asprintf\\(&pair.cur, \"%d\", i_\[0-9\]+\\) -> heap" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "loop-carried-scope-run.c:62:9: asprintf\\(&pair.cur, \"%d\", i_\[0-9\]+\\) -> heap" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "loop-carried-scope-run.c:108:15: malloc\\(64\\) -> stack: no-escape" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "loop-carried-scope-run.c:83:\[0-9\]+: malloc\\(16\\) -> heap: loop-carried" { target { no-opts "-O0" } } } } */
