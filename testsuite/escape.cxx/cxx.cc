// C++ through g++ with the plugin: destructors, exceptions, templates,
// lambdas and operator new next to malloc.  Sites may keep the heap, but
// every program must behave as without the plugin.
// { dg-do run }
// Without sibling calls, the tail-call rule (tail-recursion-barrier-run.c)
// stays out of what this test shows.
// { dg-options "-fno-optimize-sibling-calls" }
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <vector>

// A buffer freed by its destructor, on every way out of the scope.
struct buffer
{
  char *p;
  explicit buffer (std::size_t n) : p (static_cast<char *> (std::malloc (n)))
  {
    std::memset (p, 0, n);
  }
  ~buffer () { std::free (p); }
  buffer (const buffer &) = delete;
  buffer &operator= (const buffer &) = delete;
};

__attribute__((noinline)) static void
maybe_throw (int v)
{
  if (v > 2)
    throw std::runtime_error ("too big");
}

// The object is alive while an exception passes through the frame.
__attribute__((noinline)) static int
guarded (int v)
{
  buffer b (32);
  b.p[0] = static_cast<char> (v);
  maybe_throw (v);
  return b.p[0] + 1;
}

// A moved object dies with the frame an exception leaves; on the heap it
// would leak.
__attribute__((noinline)) static int
raw_guarded (int v)
{
  char *p = static_cast<char *> (std::malloc (24));
  std::memset (p, v, 24);
  maybe_throw (v);
  int r = p[23];
  std::free (p);
  return r;
}

template <typename T>
__attribute__((noinline)) static T
sum_of (int n)
{
  T *a = static_cast<T *> (std::calloc (n, sizeof (T)));
  for (int i = 0; i < n; i++)
    a[i] = static_cast<T> (i);
  T s = 0;
  for (int i = 0; i < n; i++)
    s += a[i];
  std::free (a);
  return s;
}

__attribute__((noinline)) static int
with_lambda (int v)
{
  int *p = static_cast<int *> (std::malloc (4 * sizeof (int)));
  auto set = [p] (int i, int x) { p[i] = x; };
  auto get = [&p] (int i) { return p[i]; };
  for (int i = 0; i < 4; i++)
    set (i, v + i);
  int r = get (0) + get (3);
  std::free (p);
  return r;
}

__attribute__((noinline)) static int
with_new (int n)
{
  std::vector<int> v (n, 1);
  int *q = new int[n];
  char *m = static_cast<char *> (std::malloc (16));
  std::memset (m, 2, 16);
  for (int i = 0; i < n; i++)
    q[i] = v[i] + m[i % 16];
  int r = q[n - 1];
  delete[] q;
  std::free (m);
  return r;
}

int
main ()
{
  if (guarded (1) != 2)
    std::abort ();
  try
    {
      guarded (5);
      std::abort ();
    }
  catch (const std::runtime_error &)
    {
    }
  if (raw_guarded (2) != 2)
    std::abort ();
  try
    {
      raw_guarded (7);
      std::abort ();
    }
  catch (const std::runtime_error &)
    {
    }
  if (sum_of<int> (10) != 45 || sum_of<double> (4) != 6.0)
    std::abort ();
  if (with_lambda (10) != 23)
    std::abort ();
  if (with_new (20) != 3)
    std::abort ();
  return 0;
}

// A constructor that stores the object in *this: the caller's memory.
// { dg-final { scan-escape "cxx.cc:17:73: malloc\\(n_\[0-9\]+\\(D\\)\\) -> heap: stored-memory: this_\[0-9\]+\\(D\\)->p = " { target { no-opts "-O0" } } } }
// An exception may leave the frame while the object is alive.
// { dg-final { scan-escape "cxx.cc:48:46: malloc\\(24\\) -> stack: no-escape: freed at cxx.cc:52:13" { target { no-opts "-O0" } } } }
// One site per instantiation of the template.
// { dg-final { scan-escape-times "cxx.cc:60:40: calloc\\(_\[0-9\]+, \[48\]\\) -> stack-if-small: unknown-size" 2 { target { no-opts "-O0" } } } }
// { dg-final { scan-escape "cxx.cc:73:44: malloc\\(16\\) -> stack: no-escape" { target { no-opts "-O0" } } } }
// { dg-final { scan-escape "cxx.cc:88:46: malloc\\(16\\) -> stack: no-escape" { target { no-opts "-O0" } } } }
