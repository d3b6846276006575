/* A callee that asks the size of what its parameter points to asks it of
   the caller's object once inlined, and IPA inlining comes after the
   pass: the stack-if-small slot would then answer its 256 bytes for
   malloc (n).  The callee's summary says that it asks, through any
   number of calls and through memory, so such a site keeps the heap;
   one whose callee asks nothing takes the slot.  -fno-early-inlining
   keeps the callees calls until IPA inlining.  GCC 11 has no
   __builtin_dynamic_object_size.  */
/* { dg-do run { target { gcc-min 12 } } } */
/* { dg-options "-fno-early-inlining" } */
#include <stdio.h>
#include <stdlib.h>

volatile size_t size = 8;

static size_t
measured (char *p)
{
  return __builtin_dynamic_object_size (p, 0);
}

static size_t
measured_twice (char *p)
{
  return measured (p);
}

struct buffer
{
  char *bytes;
  size_t size;
};

static size_t
measured_inside (struct buffer *b)
{
  return __builtin_dynamic_object_size (b->bytes, 0);
}

static int
first (char *p)
{
  return p[0];
}

/* Without optimization GCC answers (size_t) -1, not knowing.  */
static int
wrong_size (size_t answer, size_t n)
{
  return answer != n && answer != (size_t) -1;
}

__attribute__ ((noinline)) static int
direct (size_t n)
{
  char *p = malloc (n);
  if (!p)
    return 0;
  p[0] = 1;
  int bad = wrong_size (measured_twice (p), n);
  free (p);
  return bad;
}

__attribute__ ((noinline)) static int
inside (size_t n)
{
  struct buffer b = { malloc (n), n };
  if (!b.bytes)
    return 0;
  b.bytes[0] = 1;
  int bad = wrong_size (measured_inside (&b), n);
  free (b.bytes);
  return bad;
}

__attribute__ ((noinline)) static int
unasked (size_t n)
{
  char *p = malloc (n);
  if (!p)
    return 0;
  p[0] = 1;
  int bad = first (p) != 1;
  free (p);
  return bad;
}

int
main (void)
{
  if (direct (size) | inside (size) | unasked (size))
    {
      puts ("an object size changed");
      return 1;
    }
  return 0;
}

/* { dg-final { scan-escape "small-size-query-callee-run.c:56:13: malloc\\(n_\[0-9\]+\\(D\\)\\) -> heap: unknown-size: not constant, and no bound is known; no stack-if-small slot, since the object-size query of measured_twice\\(\\), called at small-size-query-callee-run.c:60:\[0-9\]+ would check" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "small-size-query-callee-run.c:68:23: malloc\\(n_\[0-9\]+\\(D\\)\\) -> heap: unknown-size: .* the object-size query of measured_inside\\(\\)" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "small-size-query-callee-run.c:80:13: malloc\\(n_\[0-9\]+\\(D\\)\\) -> stack-if-small" { target { no-opts "-O0" } } } } */
