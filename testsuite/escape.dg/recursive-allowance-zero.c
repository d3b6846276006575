/* -fplugin-arg-escape-recursion-allowance=0: no moved byte in a frame
   that may recur.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-escape-recursion-allowance=0" } */
#include "recursive-allowance.c"

/* { dg-final { scan-escape-not "-> stack" } } */
/* { dg-final { scan-escape "recursive-allowance.c:22:13: malloc\\(16\\) -> heap: recursive: small is in a call-graph cycle via a call to itself at recursive-allowance.c:24:24; 16 bytes, above the recursion allowance of 0" } } */
