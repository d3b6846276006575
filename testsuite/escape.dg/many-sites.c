/* A function with 2048 allocation sites, made by macros.  The first 1024
   fill the frame budget (32 KiB of 32-byte objects) and move; the others
   keep the heap with frame-budget.  Every site is decided, and the budget
   splits them in statement order: the sites of the first SITE1024 move,
   those of the second do not.  Every object must still hold its own
   values.  */
/* { dg-do run } */
#include <stdlib.h>

#define SITE(k)							\
  {								\
    unsigned char *p = malloc (32);				\
    p[0] = (unsigned char) (n + (k));				\
    p[31] = (unsigned char) (n ^ (k));				\
    sum = sum * 3u + p[0] + p[31];				\
    free (p);							\
  }
#define SITE4(k) SITE (k) SITE ((k) + 1) SITE ((k) + 2) SITE ((k) + 3)
#define SITE16(k) SITE4 (k) SITE4 ((k) + 4) SITE4 ((k) + 8) SITE4 ((k) + 12)
#define SITE64(k) \
  SITE16 (k) SITE16 ((k) + 16) SITE16 ((k) + 32) SITE16 ((k) + 48)
#define SITE256(k) \
  SITE64 (k) SITE64 ((k) + 64) SITE64 ((k) + 128) SITE64 ((k) + 192)
#define SITE1024(k) \
  SITE256 (k) SITE256 ((k) + 256) SITE256 ((k) + 512) SITE256 ((k) + 768)

__attribute__((noinline)) unsigned
many (unsigned n)
{
  unsigned sum = 0;
  SITE1024 (0)
  SITE1024 (1024)
  return sum;
}

/* The same sum, computed without allocating.  */
__attribute__((noinline)) unsigned
expected (unsigned n)
{
  unsigned sum = 0;
  for (unsigned k = 0; k < 2048; k++)
    sum = sum * 3u + (unsigned char) (n + k) + (unsigned char) (n ^ k);
  return sum;
}

int
main (void)
{
  for (unsigned n = 0; n < 3; n++)
    if (many (n) != expected (n))
      abort ();
  return 0;
}

/* { dg-final { scan-escape "escape: many: 2048 sites, 1024 stack, 1024 heap" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape-times "many-sites.c:31:3: malloc\\(32\\) -> stack: no-escape" 1024 { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape-times "many-sites.c:32:3: malloc\\(32\\) -> heap: frame-budget" 1024 { target { no-opts "-O0" } } } } */
