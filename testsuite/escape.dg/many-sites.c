/* The report of a function with 2048 sites (many-sites-run.c): every
   site decided, and the frame budget splitting them in statement order:
   the sites of the first SITE1024 (line 29) move, those of the second
   (line 30) do not.  */
/* { dg-do compile } */
#include "many-sites-run.c"

/* { dg-final { scan-escape "escape: many: 2048 sites, 1024 stack, 1024 heap" } } */
/* { dg-final { scan-escape-times "many-sites-run.c:29:3: malloc\\(32\\) -> stack: no-escape" 1024 } } */
/* { dg-final { scan-escape-times "many-sites-run.c:30:3: malloc\\(32\\) -> heap: frame-budget" 1024 } } */
