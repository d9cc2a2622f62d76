/*
 * Writing a file so that a crash, a full disk or a signal never leaves
 * half of it: write a temporary file beside it, sync it, rename it to its
 * name.  Only a regular file with one name, that the user may write and
 * whose owner can be kept, is replaced; a symbolic link to one is
 * followed and the link kept.  Anything else is refused, untouched.
 */
#ifndef ATOMIC_H
#define ATOMIC_H

#include <stdbool.h>
#include <stddef.h>

/* Room for the reason a write or a lock failed. */
#define ATOMIC_WHY_SIZE 256

/*
 * Write len bytes of data as the file at path.  An existing file is replaced and its permission bits and
 * owner kept (refused when the owner cannot be kept); a symbolic link is
 * followed and its target replaced.  A new file gets the permissions a
 * new file gets (0666 less the umask).  Returns 0, or -1 with why saying
 * what failed ("cannot write: No space left on device"); then whatever
 * had the name is untouched and no temporary file is left behind, even
 * when SIGINT, SIGTERM or SIGHUP ends the process (cleanup.h).
 */
int atomic_write(const char *path, const void *data, size_t len,
    char why[ATOMIC_WHY_SIZE]);

/*
 * The same in steps, for a text written as it is made: atomic_begin()
 * makes the temporary file (refusing what atomic_write() refuses),
 * atomic_put() adds to it (0, or -1 with errno set), atomic_commit()
 * syncs it and renames it to path (0, or -1 with why; it is then
 * removed), and atomic_abort() removes it, leaving path untouched.
 * After atomic_begin() succeeded, one of the last two must follow.
 */
typedef struct atomic_file {
	int fd;
	char *tmp;      /* the temporary file */
	char *target;   /* what it replaces */
	int slot;       /* its cleanup slot */
} atomic_file;

int atomic_begin(const char *path, atomic_file *file,
    char why[ATOMIC_WHY_SIZE]);
int atomic_put(atomic_file *file, const void *data, size_t len);
int atomic_commit(atomic_file *file, char why[ATOMIC_WHY_SIZE]);
void atomic_abort(atomic_file *file);

/*
 * The updates of one file, one at a time: a lock held from before the
 * file is read until after it is written, so that two processes updating
 * it at once do not lose each other's change.  It is an advisory lock
 * (flock) on a lock file beside the file, ".NAME.lock", which is removed
 * on release; tools that do not take it are not held off.
 */
typedef struct atomic_lock {
	int fd;
	char *path;  /* the lock file */
	int slot;    /* its cleanup slot */
} atomic_lock;

/* Wait for the lock on the updates of path.  0, or -1 with why, which
 * also says when path is something atomic_write() refuses to replace
 * (so that it is refused before it is read: a FIFO would block). */
int atomic_lock_take(const char *path, atomic_lock *lock,
    char why[ATOMIC_WHY_SIZE]);
/* Release it; a lock never taken (fd -1) is allowed. */
void atomic_lock_release(atomic_lock *lock);

/* Write all len bytes to the new file fd, sync it and close it (fd is
 * closed whatever happens).  0, or -1 with errno set and *step naming
 * what failed. */
int atomic_fill(int fd, const void *data, size_t len, const char **step);

/* Make the names in folder dir durable (after renames and removals); a
 * failure changes nothing that was promised, so it is not reported. */
void atomic_sync_folder(const char *dir);

/* "DIR/.BASE.SUFFIX" for path "DIR/BASE": hidden, and in the same
 * folder so that a rename cannot cross file systems.  NULL when memory
 * ran out; the caller frees it. */
char *atomic_beside(const char *path, const char *suffix);

/* The folder of path ("." when it names none); NULL when memory ran
 * out.  The caller frees it. */
char *atomic_folder_of(const char *path);

#endif /* ATOMIC_H */
