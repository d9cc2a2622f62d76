/*
 * Writing a file so that a crash or a full disk never leaves half of it:
 * write a temporary file beside it, sync it, rename it to its name.
 */
#ifndef ATOMIC_H
#define ATOMIC_H

#include <stddef.h>

/*
 * Write len bytes of data as the file at path.  An existing file is
 * replaced and its permission bits (and owner, where allowed) kept; a
 * symbolic link is followed and its target replaced.  A new file gets
 * the permissions a new file gets (0666 less the umask).  Returns 0, or
 * -1 with errno set and *step naming what failed ("create temporary
 * file", "write", ...); then whatever had the name is untouched and no
 * temporary file is left behind.
 */
int atomic_write(const char *path, const void *data, size_t len,
    const char **step);

/* Write all len bytes to the new file fd, sync it and close it (fd is
 * closed whatever happens).  0, or -1 with errno set and *step naming
 * what failed. */
int atomic_fill(int fd, const void *data, size_t len, const char **step);

/* Make the names in folder dir durable (after renames and removals); a
 * failure changes nothing that was promised, so it is not reported. */
void atomic_sync_folder(const char *dir);

#endif /* ATOMIC_H */
