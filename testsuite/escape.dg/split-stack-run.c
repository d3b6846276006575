/* frame-flags.h built and run with -fsplit-stack.  */
/* { dg-do run } */
/* { dg-options "-fsplit-stack" } */
#include "frame-flags.h"
