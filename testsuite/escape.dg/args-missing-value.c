/* A byte count argument without a value is rejected.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-escape-max-size" } */
/* { dg-error "escape: max-size needs a whole number of bytes" "missing value" { target *-*-* } 0 } */

int x;
