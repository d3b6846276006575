/* The table of library functions; see libc.h and docs/rules.md.  */

#include "libc.h"

#include <stdlib.h>
#include <string.h>

/* Sorted by name, for bsearch.  */
static const struct esc_libc_function functions[] = {
  { "__fgets_chk", '0', "i..f" },
  { "__fread_chk", '-', "i...f" },
  { "__isoc23_sscanf", '-', "rri" },
  { "__isoc23_strtol", '-', "re." },
  { "__isoc23_strtoll", '-', "re." },
  { "__isoc23_strtoul", '-', "re." },
  { "__isoc23_strtoull", '-', "re." },
  { "__isoc99_sscanf", '-', "rri" },
  { "__read_chk", '-', ".i.." },
  { "access", '-', "o." },
  { "atof", '-', "r" },
  { "atoi", '-', "r" },
  { "atol", '-', "r" },
  { "atoll", '-', "r" },
  { "bsearch", '1', "rr..c" },
  { "chdir", '-', "o" },
  { "fclose", '-', "f" },
  { "feof", '-', "f" },
  { "ferror", '-', "f" },
  { "fflush", '-', "f" },
  { "fgetc", '-', "f" },
  { "fgets", '0', "i.f" },
  { "fileno", '-', "f" },
  { "fopen", 'u', "or" },
  { "fread", '-', "i..f" },
  { "fseek", '-', "f.." },
  { "ftell", '-', "f" },
  { "getc", '-', "f" },
  { "getenv", 'u', "r" },
  { "gettimeofday", '-', "ii" },
  { "localtime_r", '1', "ri" },
  { "lstat", '-', "oi" },
  { "mkdir", '-', "o." },
  { "open", '-', "o.." },
  { "opendir", 'u', "o" },
  { "perror", '-', "o" },
  { "qsort", '-', "m..c" },
  { "read", '-', ".i." },
  { "remove", '-', "o" },
  { "rename", '-', "oo" },
  { "rmdir", '-', "o" },
  { "sscanf", '-', "rri" },
  { "stat", '-', "oi" },
  { "strftime", '-', "i.rr" },
  { "strtod", '-', "re" },
  { "strtof", '-', "re" },
  { "strtol", '-', "re." },
  { "strtold", '-', "re" },
  { "strtoll", '-', "re." },
  { "strtoul", '-', "re." },
  { "strtoull", '-', "re." },
  { "time", '-', "i" },
  { "unlink", '-', "o" },
  { "write", '-', ".o." },
};

static int
compare_name (const void *key, const void *entry)
{
  return strcmp (key, ((const struct esc_libc_function *) entry)->name);
}

const struct esc_libc_function *
esc_libc_find (const char *name)
{
  return bsearch (name, functions, sizeof functions / sizeof *functions,
		  sizeof *functions, compare_name);
}

const struct esc_libc_function *
esc_libc_table (size_t *n)
{
  *n = sizeof functions / sizeof *functions;
  return functions;
}
