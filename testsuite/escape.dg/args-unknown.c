/* An unknown plugin argument is rejected with a one-line error: the
   dg-error consumes "cc1: error: ... unknown argument ...", and any other
   line left over fails "test for excess errors".  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-escape-bogus" } */
/* { dg-error "unknown argument" "unknown plugin argument" { target *-*-* } 0 } */

int x;
