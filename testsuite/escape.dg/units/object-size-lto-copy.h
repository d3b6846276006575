/* An inline function of object-size-lto-copy-run.c, whose external
   definition (units/object-size-lto-copy-ask.c) asks the size of its
   argument, as one built with _FORTIFY_SOURCE would, where the inline
   definition does not.  C leaves it unspecified which of the two a call
   uses (C11 6.7.4).  */
extern volatile int sink;

inline size_t
measure (char *d)
{
  sink = 1;
#ifdef ASK_SIZE
  return __builtin_dynamic_object_size (d, 0);
#else
  (void) d;
  return (size_t) -1;
#endif
}
