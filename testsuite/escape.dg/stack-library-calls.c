/* Library builtins are judged by GCC's fnspec: reading with strlen or
   printf, copying with memcpy and strcpy all leave the buffer on the
   stack.  GREET writes to a stream, which may call back, so it may recur
   (recursive-side-signal-run.c): the allowance lets its two slots in.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-escape-recursion-allowance=256" } */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t
greet (const char *name)
{
  char *buf = malloc (128);
  strcpy (buf, "hello, ");
  strncat (buf, name, 64);
  printf ("%s\n", buf);
  snprintf (buf, 128, "%s!", name);
  size_t n = strlen (buf);
  char *copy = malloc (128);
  memcpy (copy, buf, n + 1);
  puts (copy);
  free (copy);
  free (buf);
  return n;
}

/* { dg-final { scan-escape-times "malloc\\(128\\) -> stack: no-escape" 2 } } */
