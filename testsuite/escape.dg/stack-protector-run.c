/* frame-flags.h built and run with -fstack-protector-strong.  */
/* { dg-do run } */
/* { dg-options "-fstack-protector-strong" } */
#include "frame-flags.h"
