/* A numeric plugin argument that is not a number is rejected with a
   one-line error naming the argument.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-escape-max-size=abc" } */
/* { dg-error "max-size" "non-numeric max-size" { target *-*-* } 0 } */

int x;
