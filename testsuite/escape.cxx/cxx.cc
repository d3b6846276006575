// The report for cxx-run.cc.
// { dg-do compile }
#include "cxx-run.cc"

// A constructor that stores the object in *this: the caller's memory.
// { dg-final { scan-escape "cxx-run.cc:14:73: malloc\\(n_\[0-9\]+\\(D\\)\\) -> heap: stored-memory: this_\[0-9\]+\\(D\\)->p = " } }
// An exception may leave the frame while the object is alive.
// { dg-final { scan-escape "cxx-run.cc:45:46: malloc\\(24\\) -> stack: no-escape: freed at cxx-run.cc:49:13" } }
// One site per instantiation of the template.
// { dg-final { scan-escape-times "cxx-run.cc:57:40: calloc\\(_\[0-9\]+, \[48\]\\) -> heap: unknown-size" 2 } }
// { dg-final { scan-escape "cxx-run.cc:70:44: malloc\\(16\\) -> stack: no-escape" } }
// { dg-final { scan-escape "cxx-run.cc:85:46: malloc\\(16\\) -> stack: no-escape" } }
