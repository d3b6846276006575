/* small-size takes a number of bytes, at most 2^30: anything else is a
   one-line error naming the argument.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-escape-small-size=-1" } */
/* { dg-error "escape: small-size needs a whole number of bytes from 0 to 1073741824, not '-1'; valid arguments: .*stack-budget=N, small-size=N" "bad small-size" { target *-*-* } 0 } */

int x;
