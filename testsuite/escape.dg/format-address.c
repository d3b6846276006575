/* Text written by the printf family can carry an address: "%p", an
   integer conversion of an address, and the bytes of a stored pointer
   all come back as the address when read back, which is defined C.
   Such an argument escapes; a string read with "%s" does not.  Each
   address here is read back after its function's frame is gone.  The
   functions leak their object, which is live at their last call: without
   sibling calls, the tail-call rule (tail-call-chain-run.c) stays out of
   what this test shows.  */
/* { dg-do run } */
/* { dg-options "-fno-optimize-sibling-calls" } */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "scribble.h"

char text[64];
FILE *bytes_file;
const char *volatile runtime_format = "%p";

__attribute__((noinline)) int
shown_with_p (void)
{
  int *p = malloc (sizeof *p * 10);
  *p = 42;
  sprintf (text, "%p", (void *) p);
  return *p;
}

__attribute__((noinline)) int
shown_as_number (void)
{
  int *p = malloc (sizeof *p * 11);
  *p = 43;
  snprintf (text, sizeof text, "%lx", (unsigned long) (uintptr_t) p);
  return *p;
}

__attribute__((noinline)) int
shown_by_unknown_format (void)
{
  int *p = malloc (sizeof *p * 12);
  *p = 44;
  sprintf (text, runtime_format, (void *) p);
  return *p;
}

__attribute__((noinline)) int
written_as_bytes (void)
{
  int *p = malloc (sizeof *p * 13);
  *p = 45;
  char bytes[sizeof p];
  memcpy (bytes, &p, sizeof p);
  fwrite (bytes, 1, sizeof bytes, bytes_file);
  return *p;
}

__attribute__((noinline)) int
stored_through_n (void)
{
  int *p = malloc (sizeof *p * 14);
  sprintf (text, "ab%n", p);
  int r = *p;
  free (p);
  return r;
}

__attribute__((noinline)) int
read_as_string (int k)
{
  char *name = malloc (24);
  snprintf (name, 24, "item-%d", k);
  sprintf (text, "<%s>", name);
  free (name);
  return strcmp (text, "<item-7>") == 0;
}

static int
read_back (const char *format)
{
  void *q;
  unsigned long n;
  if (strcmp (format, "%lx") == 0)
    {
      sscanf (text, "%lx", &n);
      q = (void *) (uintptr_t) n;
    }
  else
    sscanf (text, "%p", &q);
  int v = *(int *) q;
  free (q);
  return v;
}

int
main (void)
{
  if (shown_with_p () != 42)
    abort ();
  scribble ();
  if (read_back ("%p") != 42)
    abort ();
  if (shown_as_number () != 43)
    abort ();
  scribble ();
  if (read_back ("%lx") != 43)
    abort ();
  if (shown_by_unknown_format () != 44)
    abort ();
  scribble ();
  if (read_back ("%p") != 44)
    abort ();

  bytes_file = tmpfile ();
  if (!bytes_file)
    return 0;
  if (written_as_bytes () != 45)
    abort ();
  scribble ();
  int *q;
  rewind (bytes_file);
  if (fread (&q, sizeof q, 1, bytes_file) != 1 || *q != 45)
    abort ();
  free (q);
  fclose (bytes_file);

  if (stored_through_n () != 2 || !read_as_string (7))
    abort ();
  return 0;
}

/* { dg-final { scan-escape "malloc\\(40\\) -> heap: address-exposed: sprintf" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(44\\) -> heap: stored-global: snprintf" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(48\\) -> heap: address-exposed: sprintf" { target { no-opts "-O0" } } } } */
/* fwrite writes to a stream, whose SIGPIPE handler may call back: the
   site is recursive first, and its bytes are written out too.  */
/* { dg-final { scan-escape-json {"args":"52",.*"reasons":\["recursive","address-exposed"\]} { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(56\\) -> heap: address-exposed: sprintf" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(24\\) -> stack: no-escape" { target { no-opts "-O0" } } } } */
