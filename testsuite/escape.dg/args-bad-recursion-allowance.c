/* recursion-allowance takes a number of bytes: anything else is a
   one-line error naming the argument.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-escape-recursion-allowance=lots" } */
/* { dg-error "escape: recursion-allowance needs a whole number of bytes from 0 to 1073741824, not 'lots'; valid arguments: .*recursion-allowance=N, stack-budget=N" "bad recursion-allowance" { target *-*-* } 0 } */

int x;
