/* The same promise for -Wstack-usage=, which also counts the return
   address and the saved registers.  */
/* { dg-do run } */
/* { dg-options "-Werror=stack-usage=8000" } */
#include "frame-flags-promise-run.c"
