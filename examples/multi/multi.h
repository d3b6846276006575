/* A small word-statistics program spread over several files, so that the
   escape plugin's build-wide report has stack and heap sites in more than
   one translation unit (README.md, "Build-wide reports").  */
#ifndef MULTI_H
#define MULTI_H

#include <stddef.h>

struct table;

/* words.c */
char *copy_word (const char *s);
int count_vowels (const char *s, unsigned n);
unsigned hash_word (const char *s);

/* table.c */
struct table *table_new (unsigned nbuckets);
void table_add (struct table *t, char *word);
unsigned table_longest_chain (const struct table *t);
unsigned table_size (const struct table *t);
void table_free (struct table *t);

/* report.c */
void print_report (const struct table *t);
unsigned checksum_blocks (const char *s);

/* log.c */
void log_line (const char *s);
void log_hex (const unsigned char *data, size_t n);
void log_open (void);
void log_close (void);

#endif
