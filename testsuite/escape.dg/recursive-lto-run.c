/* recursive-extern-run.c under -flto: the pass runs per unit at compile
   time, so the other unit is still outside when it decides.  */
/* { dg-do run } */
/* { dg-options "-flto" } */
/* { dg-additional-sources "units/recursive-extern-descend.c" } */
#include "recursive-extern-run.c"
