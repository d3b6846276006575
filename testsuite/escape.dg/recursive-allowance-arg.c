/* -fplugin-arg-escape-recursion-allowance=N: 0 keeps every site of a
   frame that may recur on the heap; 128 moves both of two's and large's.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-escape-recursion-allowance=128" } */
#include "recursive-allowance.c"

/* { dg-final { scan-escape-times "-> stack: no-escape" 4 } } */
