/* Writing a file whole or not at all: see newfile.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "newfile.h"

static int
write_all(int fd, const char *data, size_t len)
{
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
newfile_write(const char *path, const void *data, size_t len,
    const char **step)
{
	/* "DIR/.BASE.XXXXXX": hidden, and on the same file system */
	const char *slash = strrchr(path, '/');
	size_t dirlen = slash != NULL ? (size_t)(slash - path) + 1 : 0;
	size_t size = strlen(path) + sizeof "..XXXXXX";
	char *tmp = malloc(size);
	int fd = -1;

	*step = "create temporary file";
	if (tmp == NULL)
		return -1;
	snprintf(tmp, size, "%.*s.%s.XXXXXX", (int)dirlen, path, path + dirlen);
	if ((fd = mkstemp(tmp)) < 0) {
		free(tmp);
		return -1;
	}
	mode_t mask = umask(0);
	umask(mask);
	*step = "set mode";
	if (fchmod(fd, 0666 & ~mask) != 0)
		goto fail;
	*step = "write";
	if (write_all(fd, data, len) != 0)
		goto fail;
	*step = "sync";
	if (fsync(fd) != 0)
		goto fail;
	*step = "close";
	int closed = close(fd);
	fd = -1;
	if (closed != 0)
		goto fail;
	*step = "rename";
	if (rename(tmp, path) != 0)
		goto fail;
	free(tmp);
	return 0;
fail:;
	int saved = errno;
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	free(tmp);
	errno = saved;
	return -1;
}
