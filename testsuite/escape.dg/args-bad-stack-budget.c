/* stack-budget takes a number of bytes, at most 2^30: anything else is a
   one-line error naming the argument.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-escape-stack-budget=1073741825" } */
/* { dg-error "escape: stack-budget needs a whole number of bytes from 0 to 1073741824, not '1073741825'" "stack-budget out of range" { target *-*-* } 0 } */

int x;
