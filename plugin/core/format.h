/* What a printf format does with its arguments.

   The printf family writes out text.  Text can carry an address: "%p"
   does, so does an integer conversion of an address, and reading the
   text back ("%p" in sscanf) gives the address back, which is defined C.
   So an argument only stays in its function when the format is a
   constant the pass can read, and shows that the argument is read as a
   string ("%s"), and then only the string's own storage stays: the
   bytes it holds are written out.  */

#ifndef ESCAPE_FORMAT_H
#define ESCAPE_FORMAT_H

#include <stdbool.h>
#include <stddef.h>

enum esc_format_use
{
  /* "%s": the characters the pointer points to are written out, the
     pointer is not.  */
  ESC_FORMAT_STRING,
  /* Everything else: the value itself is written out ("%d", "%p", a "*"
     width), or stored through ("%n").  */
  ESC_FORMAT_VALUE
};

/* Classify the arguments FORMAT consumes, in order, into USES (at most
   MAX of them).  Returns how many it consumes, or -1 when the format
   cannot be followed: positional arguments ("%1$d"), a conversion this
   does not know, or more than MAX arguments.  */
int esc_format_uses (const char *format, enum esc_format_use *uses,
		     int max);

/* The most arguments esc_format_repeatable follows.  */
#define ESC_FORMAT_MAX_USES 64

/* Whether formatting FORMAT a second time with the same arguments
   writes the same text and has no other effect: every conversion is
   one of C11 or POSIX (a program may give one a handler of its own with
   glibc's register_printf_specifier), no argument is positional, and
   none stores the count ("%n", which a later "%s" of the same call may
   read back) or reads errno ("%m", which the first call may change).
   The same library formats both times; how many bytes it writes need
   not be what C's rules count.  */
bool esc_format_repeatable (const char *format);

#endif
