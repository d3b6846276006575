// A virtual function that moves its buffer, called from a recursive
// function: GCC devirtualizes the call (speculatively at least) and
// would inline the buffer into each of 40000 frames.  A function that
// holds moved bytes and whose address is taken, as a virtual function's
// is in its vtable, is not inlined.
// { dg-do run }
#include <cstdlib>
#include <cstring>

struct base
{
  virtual int work (int k);
  virtual ~base () {}
};

int
base::work (int k)
{
  char *p = static_cast<char *> (std::malloc (240));
  std::memset (p, k, 240);
  int s = p[k % 240];
  std::free (p);
  return s;
}

__attribute__ ((noinline)) static int
rec (base *b, int n)
{
  if (n == 0)
    return 0;
  int a = b->work (n);
  return (a + rec (b, n - 1)) % 1000;
}

int
main ()
{
  base b;
  if (rec (&b, 40000) != 112)
    std::abort ();
  return 0;
}
