/*
 * Replacing a file so that a crash or a full disk never leaves half of
 * it: write a temporary file beside it, sync it, rename it over.
 */
#ifndef ATOMIC_H
#define ATOMIC_H

#include <stddef.h>

/*
 * Replace the contents of the existing file at path with len bytes of
 * data.  The new file keeps the old one's permission bits (and owner,
 * where allowed); a symbolic link is followed and its target replaced.
 * Returns 0, or -1 with errno set and *step naming what failed ("create
 * temporary file", "write", ...); then the original is untouched and no
 * temporary file is left behind.
 */
int atomic_replace(const char *path, const void *data, size_t len,
    const char **step);

#endif /* ATOMIC_H */
