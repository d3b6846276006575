/* frame-flags.h built and run with -fstack-clash-protection.  */
/* { dg-do run } */
/* { dg-options "-fstack-clash-protection" } */
#include "frame-flags.h"
