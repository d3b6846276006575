/* What C and POSIX library functions without a GCC fnspec do with the
   memory their arguments point to.

   GCC describes most of the string and memory functions itself
   (builtins and their fnspecs); this table covers the functions real
   programs hand their buffers to that GCC does not describe: file and
   stream input, number parsing, sorting, paths.  Every entry follows the
   function's specification in C11 or POSIX.1-2017 (docs/rules.md cites
   each).  A function that may keep a pointer it is given (setvbuf,
   putenv, strtok, pthread_setspecific, getline) is not here, and stays
   an unknown call.  */

#ifndef ESCAPE_LIBC_H
#define ESCAPE_LIBC_H

#include <stddef.h>

/* One character per argument, in order; the last one also stands for
   every further (variadic) argument:
     '.'  a number, or a pointer the function does not dereference
     'r'  memory the function only reads
     'i'  memory the function writes with data from outside the program
	  (a file, the kernel, parsed text); it keeps nothing
     'o'  memory whose bytes the function writes out of the program, or
	  hands to the kernel as a name, so the bytes of any address
	  stored there leave with them
     'f'  a stream or directory of the library (FILE *, DIR *)
     'e'  char **: receives a pointer into the first 'r' argument
     'c'  a comparison function, called with pointers into the 'r' and
	  'm' arguments
     'm'  an array the function reads and permutes in place (qsort)
   RETURNS: '-' for a number, 'u' for a pointer to memory of the library
   (a new stream, a static buffer), or '0'...'9' for the argument whose
   pointer (or a pointer into it) may be returned.  */
struct esc_libc_function
{
  const char *name;
  char returns;
  const char *args;
};

/* The entry for the function whose assembler name is NAME, or NULL.  */
const struct esc_libc_function *esc_libc_find (const char *name);

/* The whole table, sorted by name, and its length in *N.  */
const struct esc_libc_function *esc_libc_table (size_t *n);

#endif
