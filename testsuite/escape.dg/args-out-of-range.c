/* A byte count out of range is rejected.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-escape-frame-budget=99999999999" } */
/* { dg-error "escape: frame-budget needs a whole number of bytes from 0 to 1073741824, not '99999999999'" "out of range" { target *-*-* } 0 } */

int x;
