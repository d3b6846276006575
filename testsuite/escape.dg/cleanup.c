/* The report for cleanup-run.c: an inlined cleanup's free is a free like
   any other; a cleanup function that is not inlined frees the object in
   a callee, which keeps it on the heap.  */
/* { dg-do compile } */
#include "cleanup-run.c"

/* { dg-final { scan-escape "cleanup-run.c:27:57: malloc\\(32\\) -> stack: no-escape: freed at cleanup-run.c:10:3$" } } */
/* { dg-final { scan-escape "cleanup-run.c:43:16: malloc\\(16\\) -> stack: no-escape: freed at cleanup-run.c:51:3" } } */
/* { dg-final { scan-escape "cleanup-run.c:46:55: malloc\\(16\\) -> stack: no-escape: freed at cleanup-run.c:10:3" } } */
/* { dg-final { scan-escape "cleanup-run.c:58:65: malloc\\(8\\) -> heap: freed-elsewhere: free_charp_out_of_line \\(&buf\\)" } } */
