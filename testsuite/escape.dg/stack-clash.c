/* The objects of frame-flags.h still move with -fstack-clash-protection.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fstack-clash-protection" } */
#include "frame-flags.h"

/* { dg-final { scan-escape "frame-flags.h:24:13: malloc\\(4096\\) -> stack: no-escape" } } */
/* { dg-final { scan-escape-times "frame-flags.h:(49|50|51):1: malloc\\(3072\\) -> stack: no-escape" 3 } } */
/* { dg-final { scan-escape "frame-flags.h:59:13: malloc\\(24\\) -> stack: no-escape" } } */
/* The page-sized frame of page () is probed.  */
/* { dg-final { scan-assembler "orq\t\\\$0, \\(%rsp\\)" } } */
