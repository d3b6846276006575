/* Library functions that GCC gives no fnspec, described by the plugin's
   own table (docs/rules.md): buffers handed to them for reading, for
   input from outside, or as names stay in the frame.  A wrong entry that
   kept a pointer would leave the caller reading a dead slot.  */
/* { dg-do run } */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static FILE *input;
static int pipe_ends[2];

__attribute__((noinline)) int
read_record (void)
{
  char *line = malloc (64);
  char *fields = malloc (32);
  rewind (input);
  if (!fgets (line, 64, input))
    return -1;
  size_t got = fread (fields, 1, 8, input);
  int r = (int) strtol (line, NULL, 10) + (int) got + fields[0];
  free (fields);
  free (line);
  return r;
}

__attribute__((noinline)) int
parse_pair (const char *text)
{
  char *copy = malloc (32);
  strcpy (copy, text);
  int a = 0, b = 0;
  if (sscanf (copy, "%d,%d", &a, &b) != 2)
    return -1;
  char *end;
  long c = strtol (copy + 3, &end, 10);
  int r = a * 100 + b * 10 + (int) c + (*end == 0);
  free (copy);
  return r;
}

__attribute__((noinline)) int
through_a_pipe (void)
{
  char *out = malloc (16);
  char *in = malloc (16);
  memcpy (out, "pipe", 5);
  if (write (pipe_ends[1], out, 5) != 5 || read (pipe_ends[0], in, 5) != 5)
    return -1;
  int r = strcmp (in, "pipe") == 0;
  free (in);
  free (out);
  return r;
}

static int
by_value (const void *a, const void *b)
{
  int x = *(const int *) a, y = *(const int *) b;
  return (x > y) - (x < y);
}

__attribute__((noinline)) int
sorted_median (int seed)
{
  int *v = malloc (9 * sizeof *v);
  if (!v)
    return -1;
  for (int i = 0; i < 9; i++)
    v[i] = (seed * (i + 3)) % 17;
  qsort (v, 9, sizeof *v, by_value);
  int key = v[4];
  int *hit = bsearch (&key, v, 9, sizeof *v, by_value);
  int r = hit && *hit == key ? v[4] : -1;
  free (v);
  return r;
}

__attribute__((noinline)) int
named_path (const char *dir)
{
  char *path = malloc (64);
  snprintf (path, 64, "%s/.", dir);
  struct stat st;
  int r = stat (path, &st) == 0 && S_ISDIR (st.st_mode);
  FILE *f = fopen (path, "r");
  if (f)
    fclose (f);
  free (path);
  return r;
}

int
main (void)
{
  input = tmpfile ();
  if (!input || pipe (pipe_ends) != 0)
    return 0;
  fputs ("41\nABCDEFGH", input);
  if (read_record () != 41 + 8 + 'A')
    abort ();
  if (parse_pair ("12,34") != 1200 + 340 + 34 + 1)
    abort ();
  if (through_a_pipe () != 1)
    abort ();
  if (sorted_median (5) != 8)
    abort ();
  if (named_path ("/") != 1)
    abort ();
  return 0;
}

/* { dg-final { scan-escape "malloc\\(64\\) -> stack: no-escape: freed at library-calls.c:26:3" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(32\\) -> stack: no-escape: freed at library-calls.c:25:3" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "library-calls.c:33:16: malloc\\(32\\) -> stack" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape-times "malloc\\(16\\) -> stack" 2 { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(36\\) -> stack" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "library-calls.c:85:16: malloc\\(64\\) -> stack" { target { no-opts "-O0" } } } } */

/* These functions are externally visible and call library functions that
   are not leaf, which may call them back (or main, which calls them):
   their frames may recur (docs/rules.md, the stack guarantee).  This test
   is about the library table, so the recursion allowance lets their
   sites move.  */
/* { dg-options "-fplugin-arg-escape-recursion-allowance=4096" } */
