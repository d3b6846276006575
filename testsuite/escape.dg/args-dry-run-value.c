/* dry-run takes no value.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-escape-dry-run=yes" } */
/* { dg-error "escape: dry-run takes no value" "dry-run value" { target *-*-* } 0 } */

int x;
