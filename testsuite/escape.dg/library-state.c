/* What a library call is given can come back later: in the new string
   strdup makes, in errno, in where strtol stops, in the string getenv
   finds, and in the kernel's state (a file's offset and size, a
   directory's mode).  Each function below hands its object's address
   back that way, and the caller that rebuilds it must not find a dead
   stack slot.  The objects are one char each, within the recursion
   allowance that calls into the library get.  */
/* { dg-do run } */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "scribble.h"

char letters[257];			/* 256 letters, then the end */
static const char nines[] = "99999999999999999999999";
static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
static const char names[] = "X\0Y";
static const char zeros[256];
int file;
char directory[64];

static unsigned
byte_of (uintptr_t a, unsigned i)
{
  return (a >> 8 * i) & 0xff;
}

/* The bytes of the address, copied by strdup.  */
__attribute__((noinline)) uintptr_t
by_copy (void)
{
  volatile char *p = malloc (1);
  *p = 41;
  uintptr_t a = (uintptr_t) p, x = 0;
  char text[17];
  for (int i = 0; i < 16; i++)
    text[i] = 'a' + ((a >> 4 * i) & 15);
  text[16] = 0;
  char *d = strdup (text);
  for (int i = 0; i < 16; i++)
    x |= (uintptr_t) (d[i] - 'a') << 4 * i;
  free (d);
  return x;
}

/* How much strdup and strndup copy from where the byte points.  */
__attribute__((noinline)) uintptr_t
by_copied_length (void)
{
  volatile char *p = malloc (2);
  *p = 42;
  uintptr_t a = (uintptr_t) p, x = 0;
  for (unsigned i = 0; i < sizeof a; i++)
    {
      char *d = i & 1 ? strndup (letters + byte_of (a, i), 257)
		      : strdup (letters + byte_of (a, i));
      x |= (uintptr_t) (256 - strlen (d)) << 8 * i;
      free (d);
    }
  return x;
}

/* Whether strtol overflows, in errno.  */
__attribute__((noinline)) uintptr_t
by_errno (void)
{
  volatile char *p = malloc (3);
  *p = 43;
  uintptr_t a = (uintptr_t) p, x = 0;
  for (unsigned i = 0; i < 8 * sizeof a; i++)
    {
      errno = 0;
      (void) strtol (nines + 22 * ((a >> i) & 1), 0, 10);
      x |= (uintptr_t) (errno != ERANGE) << i;
    }
  return x;
}

/* Where strtol stops, by the base.  */
__attribute__((noinline)) uintptr_t
by_base (void)
{
  volatile char *p = malloc (4);
  *p = 44;
  uintptr_t a = (uintptr_t) p, x = 0;
  for (unsigned i = 0; i < 2 * sizeof a; i++)
    {
      char *end;
      (void) strtol (digits, &end, 2 + ((a >> 4 * i) & 15));
      x |= (uintptr_t) (end - digits - 2) << 4 * i;
    }
  return x;
}

/* Which variable getenv finds.  */
__attribute__((noinline)) uintptr_t
by_environment (void)
{
  volatile char *p = malloc (5);
  *p = 45;
  uintptr_t a = (uintptr_t) p, x = 0;
  for (unsigned i = 0; i < 8 * sizeof a; i++)
    x |= (uintptr_t) (getenv (names + 2 * ((a >> i) & 1))[0] - '0') << i;
  return x;
}

/* The file offset read leaves, read back as the next byte.  */
__attribute__((noinline)) uintptr_t
by_file_offset (void)
{
  volatile char *p = malloc (6);
  *p = 46;
  uintptr_t a = (uintptr_t) p, x = 0;
  unsigned char skip[256], c;
  for (unsigned i = 0; i < sizeof a; i++)
    {
      lseek (file, 0, SEEK_SET);
      if (read (file, skip, byte_of (a, i)) < 0 || read (file, &c, 1) != 1)
	abort ();
      x |= (uintptr_t) c << 8 * i;
    }
  return x;
}

/* How much write wrote, read back from the file offset.  */
__attribute__((noinline)) uintptr_t
by_file_size (void)
{
  volatile char *p = malloc (7);
  *p = 47;
  uintptr_t a = (uintptr_t) p, x = 0;
  for (unsigned i = 0; i < sizeof a; i++)
    {
      off_t start = lseek (file, 0, SEEK_END);
      if (write (file, zeros, byte_of (a, i)) < 0)
	abort ();
      x |= (uintptr_t) (lseek (file, 0, SEEK_CUR) - start) << 8 * i;
    }
  return x;
}

/* The mode mkdir gives, read back by stat.  */
__attribute__((noinline)) uintptr_t
by_mode (void)
{
  volatile char *p = malloc (8);
  *p = 48;
  uintptr_t a = (uintptr_t) p, x = 0;
  struct stat st;
  for (unsigned i = 0; i < 8 * sizeof a; i += 6)
    {
      if (mkdir (directory, 0700 | ((a >> i) & 077)) != 0
	  || stat (directory, &st) != 0 || rmdir (directory) != 0)
	abort ();
      x |= (uintptr_t) (st.st_mode & 077) << i;
    }
  return x;
}

static void
check (uintptr_t address, int expected)
{
  volatile char *q = (volatile char *) address;
  scribble ();
  if (*q != expected)
    abort ();
  free ((void *) q);
}

int
main (void)
{
  memset (letters, 'a', 256);
  setenv ("X", "0", 1);
  setenv ("Y", "1", 1);
  char name[] = "/tmp/escape-library-state-XXXXXX";
  file = mkstemp (name);
  if (file < 0)
    abort ();
  unlink (name);
  unsigned char bytes[256];
  for (int i = 0; i < 256; i++)
    bytes[i] = i;
  if (write (file, bytes, 256) != 256)
    abort ();
  strcpy (directory, "/tmp/escape-library-state-XXXXXX");
  if (!mkdtemp (directory) || rmdir (directory) != 0)
    abort ();
  umask (0);

  check (by_copy (), 41);
  check (by_copied_length (), 42);
  check (by_errno (), 43);
  check (by_base (), 44);
  check (by_environment (), 45);
  check (by_file_offset (), 46);
  check (by_file_size (), 47);
  check (by_mode (), 48);
  return 0;
}

/* { dg-final { scan-escape "malloc\\(1\\) -> heap" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(2\\) -> heap" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(3\\) -> heap" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(4\\) -> heap" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(5\\) -> heap" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(6\\) -> heap" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(7\\) -> heap" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(8\\) -> heap" { target { no-opts "-O0" } } } } */
