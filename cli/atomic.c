/* Writing a file whole or not at all: see atomic.h. */
/* realpath() is an X/Open extension of POSIX. */
#define _XOPEN_SOURCE 700

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"

/* "DIR/.BASE.XXXXXX" for path "DIR/BASE": hidden, and in the same
 * directory so that rename() cannot cross file systems. */
static char *
temporary_template(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t dirlen = slash != NULL ? (size_t)(slash - path) + 1 : 0;
	const char *base = path + dirlen;
	size_t size = dirlen + 1 + strlen(base) + sizeof ".XXXXXX";
	char *tmp = malloc(size);

	if (tmp != NULL)
		snprintf(tmp, size, "%.*s.%s.XXXXXX", (int)dirlen, path, base);
	return tmp;
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

/* Make the rename of the file at path durable. */
static void
sync_folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash == NULL ? strdup(".")
	    : slash == path ? strdup("/") : strndup(path, (size_t)(slash - path));

	if (dir != NULL)
		atomic_sync_folder(dir);
	free(dir);
}

int
atomic_write(const char *path, const void *data, size_t len,
    const char **step)
{
	char *target = realpath(path, NULL);
	char *tmp = NULL;
	int fd = -1;
	struct stat st;
	bool exists = target != NULL;

	*step = "resolve path";
	if (!exists && errno == ENOENT)
		target = strdup(path); /* a new file */
	if (target == NULL)
		return -1;
	*step = "stat";
	if (exists && stat(target, &st) != 0)
		goto fail;
	if (!exists) {
		mode_t mask = umask(0);
		umask(mask);
		st.st_mode = 0666 & ~mask;
		st.st_uid = getuid();
		st.st_gid = getgid();
	}
	*step = "create temporary file";
	if ((tmp = temporary_template(target)) == NULL)
		goto fail;
	if ((fd = mkstemp(tmp)) < 0) {
		free(tmp);
		tmp = NULL; /* nothing to remove */
		goto fail;
	}
	/* Owner first: fchown may clear the set-id bits fchmod then sets.
	 * Only root may give a file away; others keep their own. */
	if (st.st_uid != getuid() || st.st_gid != getgid())
		(void)fchown(fd, st.st_uid, st.st_gid);
	*step = "set mode";
	if (fchmod(fd, st.st_mode & 07777) != 0)
		goto fail;
	int filled = atomic_fill(fd, data, len, step);
	fd = -1;
	if (filled != 0)
		goto fail;
	*step = "rename";
	if (rename(tmp, target) != 0)
		goto fail;
	sync_folder_of(target);
	free(tmp);
	free(target);
	return 0;

fail:;
	int saved = errno;
	if (fd >= 0)
		close(fd);
	if (tmp != NULL) {
		unlink(tmp);
		free(tmp);
	}
	free(target);
	errno = saved;
	return -1;
}
