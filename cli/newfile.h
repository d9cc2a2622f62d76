/*
 * Writing a file whole or not at all, whether or not it exists yet:
 * a temporary file beside it, synced, then renamed to its name.
 */
#ifndef NEWFILE_H
#define NEWFILE_H

#include <stddef.h>

/*
 * Write len bytes of data as the file at path, replacing any file of that
 * name.  A new file gets the permissions a new file gets (0666 less the
 * umask).  Returns 0, or -1 with errno set and *step naming what failed
 * ("create temporary file", "write", ...); then no temporary file is
 * left behind and whatever had the name is untouched.
 */
int newfile_write(const char *path, const void *data, size_t len,
    const char **step);

#endif /* NEWFILE_H */
