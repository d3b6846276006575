/* A builtin that returns one of its arguments hands the caller that
   argument's object, whatever its flags say of the argument itself:
   __builtin_assume_aligned's fnspec marks the argument it returns
   unused.  Each result is read after its function's frame is gone.  */
/* { dg-do run } */
#include <stdlib.h>
#include <string.h>
#include "scribble.h"

char *kept;

__attribute__((noinline)) char *
assumed_aligned (void)
{
  char *p = malloc (32);
  strcpy (p, "hello");
  return __builtin_assume_aligned (p, 16);
}

__attribute__((noinline)) char *
copied (const char *s)
{
  char *p = malloc (33);
  return strcpy (p, s);
}

__attribute__((noinline)) char *
moved (void)
{
  char *p = malloc (34);
  return memcpy (p, "world", 6);
}

__attribute__((noinline)) char *
past_the_copy (void)
{
  char *p = malloc (35);
  char *end = stpcpy (p, "ab");
  strcpy (end, "cd");
  return end - 2;
}

__attribute__((noinline)) char *
found (void)
{
  char *p = malloc (36);
  strcpy (p, "key=val");
  return strchr (p, '=') + 1;
}

__attribute__((noinline)) void
keep_filled (void)
{
  char *p = malloc (37);
  kept = memset (p, 'x', 36);
  p[36] = 0;
}

int
main (void)
{
  char *a = assumed_aligned ();
  char *b = copied ("copy");
  char *c = moved ();
  char *d = past_the_copy ();
  char *e = found ();
  keep_filled ();
  scribble ();
  if (strcmp (a, "hello") || strcmp (b, "copy") || strcmp (c, "world")
      || strcmp (d, "abcd") || strcmp (e, "val") || strlen (kept) != 36)
    abort ();
  free (a);
  free (b);
  free (c);
  free (d);
  free (e - 4);
  free (kept);
  return 0;
}

/* { dg-final { scan-escape "malloc\\(32\\) -> heap: returned" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(33\\) -> heap: returned" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(34\\) -> heap: returned" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(35\\) -> heap: returned" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(36\\) -> heap: returned" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(37\\) -> heap: stored-global" { target { no-opts "-O0" } } } } */
