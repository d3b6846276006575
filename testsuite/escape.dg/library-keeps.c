/* Library functions that keep a pointer they are given are not in the
   plugin's table (docs/rules.md): their buffers stay on the heap.  Each
   keeps the buffer past its function's return, so a moved one would be
   a dead slot in use.  */
/* { dg-do run } */
/* { dg-options "-pthread" } */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "scribble.h"

static FILE *stream;
static pthread_key_t key;

__attribute__((noinline)) void
buffer_the_stream (void)
{
  char *buf = malloc (1024);
  setvbuf (stream, buf, _IOFBF, 1024);
}

__attribute__((noinline)) void
set_environment (void)
{
  char *entry = malloc (32);
  strcpy (entry, "ESCAPE_TEST=kept");
  putenv (entry);
}

__attribute__((noinline)) void
first_token (void)
{
  char *text = malloc (33);
  strcpy (text, "one two");
  strtok (text, " ");
}

__attribute__((noinline)) void
keep_for_thread (void)
{
  char *value = malloc (16);
  strcpy (value, "thread");
  pthread_setspecific (key, value);
}

int
main (void)
{
  stream = tmpfile ();
  if (!stream || pthread_key_create (&key, NULL) != 0)
    return 0;
  buffer_the_stream ();
  set_environment ();
  first_token ();
  keep_for_thread ();
  scribble ();
  fputs ("buffered", stream);
  char *rest = strtok (NULL, " ");
  char back[16] = { 0 };
  rewind (stream);
  if (fread (back, 1, 8, stream) != 8 || strcmp (back, "buffered") != 0
      || strcmp (getenv ("ESCAPE_TEST"), "kept") != 0
      || !rest || strcmp (rest, "two") != 0
      || strcmp (pthread_getspecific (key), "thread") != 0)
    abort ();
  return 0;
}

/* { dg-final { scan-escape "malloc\\(1024\\) -> heap: passed-to-call: setvbuf" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(32\\) -> heap: passed-to-call: putenv" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(33\\) -> heap: passed-to-call: strtok" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(16\\) -> heap: passed-to-call: pthread_setspecific" { target { no-opts "-O0" } } } } */
