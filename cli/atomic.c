/* Writing a file whole or not at all: see atomic.h. */
/* realpath() is an X/Open extension of POSIX; flock() is BSD's. */
#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "cleanup.h"

static void
say(char why[ATOMIC_WHY_SIZE], const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, ATOMIC_WHY_SIZE, fmt, ap);
	va_end(ap);
}

char *
atomic_beside(const char *path, const char *suffix)
{
	const char *slash = strrchr(path, '/');
	size_t dirlen = slash != NULL ? (size_t)(slash - path) + 1 : 0;
	const char *base = path + dirlen;
	size_t size = dirlen + 1 + strlen(base) + 1 + strlen(suffix) + 1;
	char *name = malloc(size);

	if (name != NULL)
		snprintf(name, size, "%.*s.%s.%s", (int)dirlen, path, base,
		    suffix);
	return name;
}

static int
write_all(int fd, const void *buf, size_t len)
{
	const char *data = buf;

	while (len > 0) {
		ssize_t n = write(fd, data, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

int
atomic_fill(int fd, const void *data, size_t len, const char **step)
{
	*step = "write";
	if (write_all(fd, data, len) == 0) {
		*step = "sync";
		if (fsync(fd) == 0) {
			*step = "close";
			return close(fd);
		}
	}
	int saved = errno;
	close(fd);
	errno = saved;
	return -1;
}

void
atomic_sync_folder(const char *dir)
{
	int fd = open(dir, O_RDONLY);

	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
}

char *
atomic_folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash == NULL ? strdup(".")
	    : slash == path ? strdup("/") : strndup(path, (size_t)(slash - path));
}

/*
 * The file that writing path replaces, in *target (malloc'd): path
 * itself, or the file a symbolic link leads to.  *exists says whether
 * there is one, with its status in *st.  False with why when path is
 * something a rewrite would break, as sed -i or an editor would: not a
 * regular file (a FIFO would become one), a link to nothing (would
 * become a file), a file with other names (they would keep the old
 * text), or one the user may not write (the folder's permission is not
 * the file's).
 */
static bool
resolve(const char *path, char **target, struct stat *st, bool *exists,
    char why[ATOMIC_WHY_SIZE])
{
	*exists = false;
	*target = NULL;
	if (lstat(path, st) != 0) {
		if (errno != ENOENT) {
			say(why, "cannot look it up: %s", strerror(errno));
			return false;
		}
		*target = strdup(path); /* a new file */
	} else if (S_ISLNK(st->st_mode)) {
		if ((*target = realpath(path, NULL)) == NULL) {
			if (errno == ENOENT)
				say(why, "a symbolic link to nothing");
			else
				say(why, "cannot follow the symbolic link: %s",
				    strerror(errno));
			return false;
		}
		if (stat(*target, st) != 0) {
			say(why, "cannot look it up: %s", strerror(errno));
			goto refuse;
		}
		*exists = true;
	} else {
		*target = strdup(path);
		*exists = true;
	}
	if (*target == NULL) {
		say(why, "out of memory");
		return false;
	}
	if (!*exists)
		return true;
	if (!S_ISREG(st->st_mode)) {
		say(why, "not a regular file");
		goto refuse;
	}
	if (st->st_nlink > 1) {
		say(why, "it has %ju hard links, which a new file would part",
		    (uintmax_t)st->st_nlink);
		goto refuse;
	}
	if (faccessat(AT_FDCWD, *target, W_OK, AT_EACCESS) != 0) {
		say(why, "cannot write it: %s", strerror(errno));
		goto refuse;
	}
	return true;
refuse:
	free(*target);
	*target = NULL;
	return false;
}

/* Give the temporary file fd the owner, group and mode of what it
 * replaces; false with why when the owner cannot be kept (only root may
 * give a file away). */
static bool
take_over(int fd, const struct stat *st, bool exists,
    char why[ATOMIC_WHY_SIZE])
{
	struct stat now;
	mode_t mode;

	if (exists) {
		/* owner first: fchown may clear the set-id bits fchmod sets */
		if (fstat(fd, &now) != 0) {
			say(why, "cannot look up the temporary file: %s",
			    strerror(errno));
			return false;
		}
		if ((now.st_uid != st->st_uid || now.st_gid != st->st_gid) &&
		    fchown(fd, st->st_uid, st->st_gid) != 0) {
			say(why, "cannot keep its owner and group (%ju:%ju): %s",
			    (uintmax_t)st->st_uid, (uintmax_t)st->st_gid,
			    strerror(errno));
			return false;
		}
		mode = st->st_mode & 07777;
	} else {
		mode_t mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	}
	if (fchmod(fd, mode) != 0) {
		say(why, "cannot set mode: %s", strerror(errno));
		return false;
	}
	return true;
}

int
atomic_begin(const char *path, atomic_file *file, char why[ATOMIC_WHY_SIZE])
{
	struct stat st;
	bool exists;

	*file = (atomic_file){ .fd = -1, .slot = -1 };
	if (!resolve(path, &file->target, &st, &exists, why))
		return -1;
	if ((file->tmp = atomic_beside(file->target, "XXXXXX")) == NULL) {
		say(why, "out of memory");
		goto fail;
	}
	if ((file->fd = mkstemp(file->tmp)) < 0) {
		say(why, "cannot create temporary file: %s", strerror(errno));
		free(file->tmp);
		file->tmp = NULL; /* nothing to remove */
		goto fail;
	}
	if ((file->slot = cleanup_add(file->tmp, false)) < 0) {
		say(why, "out of memory");
		goto fail;
	}
	if (!take_over(file->fd, &st, exists, why))
		goto fail;
	return 0;
fail:
	atomic_abort(file);
	return -1;
}

int
atomic_put(atomic_file *file, const void *data, size_t len)
{
	return write_all(file->fd, data, len);
}

int
atomic_commit(atomic_file *file, char why[ATOMIC_WHY_SIZE])
{
	int synced = fsync(file->fd), saved = errno;
	int closed = close(file->fd);

	file->fd = -1;
	if (synced != 0 || closed != 0) {
		say(why, "cannot %s: %s", synced != 0 ? "sync" : "close",
		    strerror(synced != 0 ? saved : errno));
		atomic_abort(file);
		return -1;
	}
	cleanup_test_pause();
	if (rename(file->tmp, file->target) != 0) {
		say(why, "cannot rename: %s", strerror(errno));
		atomic_abort(file);
		return -1;
	}
	cleanup_forget(file->slot);
	char *dir = atomic_folder_of(file->target);
	if (dir != NULL)
		atomic_sync_folder(dir);
	free(dir);
	free(file->tmp);
	free(file->target);
	*file = (atomic_file){ .fd = -1, .slot = -1 };
	return 0;
}

void
atomic_abort(atomic_file *file)
{
	if (file->fd >= 0)
		close(file->fd);
	if (file->tmp != NULL) {
		unlink(file->tmp);
		free(file->tmp);
	}
	cleanup_forget(file->slot);
	free(file->target);
	*file = (atomic_file){ .fd = -1, .slot = -1 };
}

int
atomic_write(const char *path, const void *data, size_t len,
    char why[ATOMIC_WHY_SIZE])
{
	atomic_file file;

	if (atomic_begin(path, &file, why) != 0)
		return -1;
	if (atomic_put(&file, data, len) != 0) {
		say(why, "cannot write: %s", strerror(errno));
		atomic_abort(&file);
		return -1;
	}
	return atomic_commit(&file, why);
}

int
atomic_lock_take(const char *path, atomic_lock *lock,
    char why[ATOMIC_WHY_SIZE])
{
	char *target;
	struct stat st, held, named;
	bool exists;

	lock->fd = -1;
	lock->slot = -1;
	if (!resolve(path, &target, &st, &exists, why))
		return -1;
	lock->path = atomic_beside(target, "lock");
	free(target);
	if (lock->path == NULL) {
		say(why, "out of memory");
		return -1;
	}
	/* The holder removes the lock file before it lets go, so a waiter
	 * may get the lock of a file no longer named: it tries again. */
	for (;;) {
		int fd = open(lock->path, O_RDONLY | O_CREAT | O_CLOEXEC, 0666);
		if (fd < 0) {
			say(why, "cannot make the lock file %s: %s", lock->path,
			    strerror(errno));
			break;
		}
		int r;
		while ((r = flock(fd, LOCK_EX)) != 0 && errno == EINTR)
			;
		if (r != 0) {
			say(why, "cannot lock %s: %s", lock->path,
			    strerror(errno));
			close(fd);
			break;
		}
		if (fstat(fd, &held) == 0 && stat(lock->path, &named) == 0 &&
		    held.st_dev == named.st_dev && held.st_ino == named.st_ino) {
			lock->fd = fd;
			/* a signal now removes it: it is ours */
			if ((lock->slot = cleanup_add(lock->path, false)) >= 0)
				return 0;
			say(why, "out of memory");
			atomic_lock_release(lock);
			return -1;
		}
		close(fd);
	}
	free(lock->path);
	lock->path = NULL;
	return -1;
}

void
atomic_lock_release(atomic_lock *lock)
{
	sigset_t old;

	if (lock->fd < 0)
		return;
	/* no signal between removing it and forgetting it, which would
	 * remove the next holder's */
	cleanup_hold(&old);
	unlink(lock->path);
	cleanup_forget(lock->slot);
	close(lock->fd);
	cleanup_release(&old);
	free(lock->path);
	lock->fd = -1;
	lock->path = NULL;
}
