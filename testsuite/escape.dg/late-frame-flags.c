/* -Wframe-larger-than= bounds the late instance too.  A wrapper of a
   3072-byte block, too large for the early inliner, is inlined into its
   only caller, which frees the block: moved, it would make the caller's
   frame pass the limit and warn, which the build without the plugin
   does not.  */
/* { dg-do compile } */
/* { dg-options "-Wframe-larger-than=2048" } */
#include "late-block.h"

int
use_block (int n)
{
  char *p = make_block (n);
  int r = p[n % 3072];
  free (p);
  return r;
}

/* { dg-final { scan-escape "late-block.h:11:13: malloc\\(3072\\) -> heap: returned" } } */
/* { dg-final { scan-escape-not "-> stack" } } */
