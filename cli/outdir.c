/* A run's numbered output files, all or none: see outdir.h. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "outdir.h"

struct outdir {
	const char *prog;
	const char *dir;
	bool made;        /* the folder is this run's */
	size_t count;
	char **staged;    /* temporary path of file i, or NULL */
};

/* "DIR/NAME" for file i, or its temporary template "DIR/.NAME.XXXXXX". */
static char *
path_of(const char *dir, size_t i, bool temporary)
{
	char name[32];
	size_t size;
	char *path;

	snprintf(name, sizeof name, OUTDIR_NAME_FORMAT, i + 1);
	size = strlen(dir) + strlen(name) + sizeof "/..XXXXXX";
	if ((path = malloc(size)) != NULL)
		snprintf(path, size, temporary ? "%s/.%s.XXXXXX" : "%s/%s",
		    dir, name);
	return path;
}

static void
report(const outdir *run, size_t i, const char *step, int error)
{
	char *path = path_of(run->dir, i, false);

	fprintf(stderr, "%s: %s: error: cannot %s: %s\n", run->prog,
	    path != NULL ? path : run->dir, step, strerror(error));
	free(path);
}

/* Stage file i: a whole temporary copy beside its name.  0, or -1
 * with errno set and *step naming what failed. */
static int
stage_one(outdir *run, size_t i, const outdir_file *file, const char **step)
{
	char *target = path_of(run->dir, i, false);
	char *tmp = path_of(run->dir, i, true);
	struct stat st;
	int fd = -1;

	*step = "write";
	if (target == NULL || tmp == NULL)
		goto fail;
	/* rename() would fail on it only after earlier files were moved */
	if (lstat(target, &st) == 0 && S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		*step = "replace";
		goto fail;
	}
	*step = "create temporary file";
	if ((fd = mkstemp(tmp)) < 0)
		goto fail;
	run->staged[i] = tmp; /* from here on outdir_discard() removes it */
	tmp = NULL;
	mode_t mask = umask(0);
	umask(mask);
	*step = "set mode";
	if (fchmod(fd, 0666 & ~mask) != 0)
		goto fail;
	int filled = atomic_fill(fd, file->text, file->len, step);
	fd = -1;
	if (filled != 0)
		goto fail;
	free(target);
	return 0;
fail:;
	int saved = errno;
	if (fd >= 0)
		close(fd);
	free(target);
	free(tmp);
	errno = saved;
	return -1;
}

outdir *
outdir_stage(const char *prog, const char *dir, const outdir_file *files,
    size_t count)
{
	outdir *run = calloc(1, sizeof *run);
	struct stat st;

	if (run == NULL || (run->staged = calloc(count > 0 ? count : 1,
	    sizeof *run->staged)) == NULL) {
		fprintf(stderr, "%s: out of memory\n", prog);
		free(run);
		return NULL;
	}
	run->prog = prog;
	run->dir = dir;
	run->count = count;
	if (stat(dir, &st) == 0) {
		if (!S_ISDIR(st.st_mode)) {
			errno = ENOTDIR;
			goto no_folder;
		}
	} else if (errno != ENOENT || mkdir(dir, 0777) != 0) {
		goto no_folder;
	} else {
		run->made = true;
	}
	for (size_t i = 0; i < count; i++) {
		const char *step;
		if (stage_one(run, i, &files[i], &step) != 0) {
			report(run, i, step, errno);
			outdir_discard(run);
			return NULL;
		}
	}
	return run;
no_folder:
	fprintf(stderr, "%s: %s: error: cannot create folder: %s\n", prog, dir,
	    strerror(errno));
	outdir_discard(run);
	return NULL;
}

/* Whether name is the name of a numbered file beyond count. */
static bool
left_over(const char *name, size_t count)
{
	char expected[32];
	char *end;

	if (name[0] < '0' || name[0] > '9')
		return false;
	errno = 0;
	unsigned long long n = strtoull(name, &end, 10);
	if (errno != 0 || n <= count || strcmp(end, ".mif") != 0)
		return false;
	/* only names this tool makes: 0012.mif, not 12.mif */
	snprintf(expected, sizeof expected, OUTDIR_NAME_FORMAT, (size_t)n);
	return strcmp(expected, name) == 0;
}

/* Remove the numbered files an earlier, longer run left. */
static bool
remove_left_over(const outdir *run)
{
	DIR *d = opendir(run->dir);
	struct dirent *e;
	bool ok = true;

	if (d == NULL) {
		fprintf(stderr, "%s: %s: error: cannot read folder: %s\n",
		    run->prog, run->dir, strerror(errno));
		return false;
	}
	while ((e = readdir(d)) != NULL) {
		if (!left_over(e->d_name, run->count))
			continue;
		size_t size = strlen(run->dir) + strlen(e->d_name) + 2;
		char *path = malloc(size);
		if (path == NULL) {
			fprintf(stderr, "%s: out of memory\n", run->prog);
			ok = false;
			break;
		}
		snprintf(path, size, "%s/%s", run->dir, e->d_name);
		if (unlink(path) != 0) {
			fprintf(stderr, "%s: %s: error: cannot remove the file of "
			    "an earlier run: %s\n", run->prog, path,
			    strerror(errno));
			ok = false;
		}
		free(path);
	}
	closedir(d);
	return ok;
}

bool
outdir_commit(outdir *run)
{
	bool ok = true;

	for (size_t i = 0; ok && i < run->count; i++) {
		char *target = path_of(run->dir, i, false);
		if (target == NULL || rename(run->staged[i], target) != 0) {
			report(run, i, "rename", target == NULL ? ENOMEM : errno);
			ok = false;
		} else {
			free(run->staged[i]);
			run->staged[i] = NULL;
		}
		free(target);
	}
	if (ok)
		ok = remove_left_over(run);
	atomic_sync_folder(run->dir);
	/* after a failed rename: no temporary files left, the folder kept
	 * for the files already in place */
	run->made = false;
	outdir_discard(run);
	return ok;
}

void
outdir_discard(outdir *run)
{
	if (run == NULL)
		return;
	for (size_t i = 0; i < run->count; i++) {
		if (run->staged[i] != NULL)
			unlink(run->staged[i]);
		free(run->staged[i]);
	}
	if (run->made)
		rmdir(run->dir);
	free(run->staged);
	free(run);
}
