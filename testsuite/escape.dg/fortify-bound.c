/* The report of fortify-bound-run.c.  */
/* { dg-do compile } */
/* { dg-options "-O2 -D_FORTIFY_SOURCE=3" } */
#include "fortify-bound-run.c"

/* { dg-final { scan-escape "fortify-bound-run.c:31:13: malloc\\(_\[0-9\]+\\) -> heap: unknown-size: not constant, at most 64 bytes, and object-size checks \\(_FORTIFY_SOURCE or __builtin_object_size\\) would check a slot of the bound weaker than the object" } } */
