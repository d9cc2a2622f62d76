/*
 * A unified diff of two texts by lines, as diff -u writes it: for
 * mif-fmt --diff, what -w would change.
 */
#ifndef UDIFF_H
#define UDIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/*
 * Write to out the unified diff (3 lines of context) of old[0..old_len)
 * to new[0..new_len), labelled old_label and new_label, or nothing when
 * they are equal.  Lines end after each LF; a last line without one is
 * followed by "\ No newline at end of file".  Memory is linear in the
 * lengths (lcs.h).  False when out of memory.
 */
bool udiff_write(FILE *out, const char *old_label, const char *old,
    size_t old_len, const char *new_label, const char *new_text,
    size_t new_len);

#endif /* UDIFF_H */
