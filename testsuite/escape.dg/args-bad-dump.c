/* dump takes no value or details.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-escape-dump=verbose" } */
/* { dg-error "escape: dump takes no value or 'details', not 'verbose'; valid arguments: dump\\\[=details\\\], max-size=N, frame-budget=N, dry-run" "bad dump value" { target *-*-* } 0 } */

int x;
