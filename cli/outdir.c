/* A run's numbered output files, all or none: see outdir.h. */
/* renameat2() and RENAME_EXCHANGE, where the system has them. */
#define _GNU_SOURCE

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "cleanup.h"
#include "outdir.h"
#include "report.h"

/* Names in a folder, each with the cleanup slot of its new copy. */
typedef struct names {
	char **name;
	int *slot;
	size_t n, cap;
} names;

struct outdir {
	const char *prog;
	const char *dir;   /* as given, for messages */
	char *target;      /* the folder to replace */
	char *stage;       /* the new folder beside it */
	int stage_slot;
	bool exists;       /* target is there already */
	names made;        /* what the new folder holds */
	names old;         /* what the old folder held */
};

static char *
join(const char *dir, const char *name)
{
	size_t size = strlen(dir) + strlen(name) + 2;
	char *path = malloc(size);

	if (path != NULL)
		snprintf(path, size, "%s/%s", dir, name);
	return path;
}

static bool
names_add(names *l, const char *name, int slot)
{
	if (l->n == l->cap) {
		size_t cap = l->cap > 0 ? l->cap * 2 : 16;
		char **name2 = realloc(l->name, cap * sizeof *name2);
		if (name2 == NULL)
			return false;
		l->name = name2;
		int *slot2 = realloc(l->slot, cap * sizeof *slot2);
		if (slot2 == NULL)
			return false;
		l->slot = slot2;
		l->cap = cap;
	}
	if ((l->name[l->n] = strdup(name)) == NULL)
		return false;
	l->slot[l->n++] = slot;
	return true;
}

static void
names_free(names *l)
{
	for (size_t i = 0; i < l->n; i++) {
		cleanup_forget(l->slot[i]);
		free(l->name[i]);
	}
	free(l->name);
	free(l->slot);
}

static void
report(const outdir *run, const char *name, const char *step, int error)
{
	char *path = name != NULL ? join(run->dir, name) : NULL;

	report_say(stderr, run->prog, path != NULL ? path : run->dir,
	    MIF_ERROR, MIF_RULE_IO, "cannot %s: %s", step, strerror(error));
	free(path);
}

/* Whether name is one this tool makes: 0012.mif, not 12.mif. */
static bool
numbered(const char *name)
{
	char expected[32];
	char *end;

	if (name[0] < '0' || name[0] > '9')
		return false;
	errno = 0;
	unsigned long long n = strtoull(name, &end, 10);
	if (errno != 0 || n == 0 || strcmp(end, ".mif") != 0)
		return false;
	snprintf(expected, sizeof expected, OUTDIR_NAME_FORMAT, (size_t)n);
	return strcmp(expected, name) == 0;
}

/* Make stage/name as a new file of text, or as a link to from when text
 * is NULL; listed for removal first, so that a signal finds it. */
static bool
put(outdir *run, const char *name, const outdir_file *file,
    const char *from)
{
	char *path = join(run->stage, name);
	const char *step = "write";
	int slot = path != NULL ? cleanup_add(path, false) : -1;
	bool ok = false;

	if (slot < 0 || !names_add(&run->made, name, slot)) {
		cleanup_forget(slot);
		errno = ENOMEM;
	} else if (from != NULL) {
		step = "link it into the new folder";
		ok = linkat(AT_FDCWD, from, AT_FDCWD, path, 0) == 0;
	} else {
		int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		ok = fd >= 0 && atomic_fill(fd, file->text, file->len, &step) == 0;
	}
	if (!ok)
		report(run, name, step, errno);
	free(path);
	return ok;
}

/* Look at the folder being replaced: refuse a numbered name taken by a
 * folder, link every file of another name into the new one. */
static bool
carry_over(outdir *run)
{
	DIR *d = opendir(run->target);
	struct dirent *e;
	struct stat st;
	bool ok = true;

	if (d == NULL) {
		report(run, NULL, "read folder", errno);
		return false;
	}
	while (ok && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char *path = join(run->target, e->d_name);
		if (path == NULL || !names_add(&run->old, e->d_name, -1)) {
			report(run, NULL, "read folder", ENOMEM);
			ok = false;
		} else if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			/* a folder cannot be linked, nor removed whole safely */
			report(run, e->d_name, numbered(e->d_name) ? "replace"
			    : "carry a folder over to the new run", EISDIR);
			ok = false;
		} else if (!numbered(e->d_name)) {
			ok = put(run, e->d_name, NULL, path);
		}
		free(path);
	}
	closedir(d);
	return ok;
}

/* The folder dir names, and whether it is there; NULL with errno. */
static char *
resolve(const char *dir, bool *exists, struct stat *st)
{
	*exists = false;
	if (stat(dir, st) != 0) {
		if (errno != ENOENT)
			return NULL;
		/* a new folder: "out/" is "out" */
		size_t n = strlen(dir);
		while (n > 1 && dir[n - 1] == '/')
			n--;
		return strndup(dir, n);
	}
	if (!S_ISDIR(st->st_mode)) {
		errno = ENOTDIR;
		return NULL;
	}
	*exists = true;
	return realpath(dir, NULL);
}

/* Give the new folder what the old one had: mode, and owner where
 * allowed; a new one the mode a new folder gets. */
static void
set_mode(const outdir *run, const struct stat *st)
{
	if (!run->exists) {
		mode_t mask = umask(0);
		umask(mask);
		(void)chmod(run->stage, 0777 & ~mask);
		return;
	}
	/* Tested rather than cast to void, which glibc's fortified chown
	 * (-D_FORTIFY_SOURCE, as Debian builds) does not accept. */
	if ((st->st_uid != geteuid() || st->st_gid != getegid()) &&
	    chown(run->stage, st->st_uid, st->st_gid) != 0) {
		/* not allowed: the folder stays ours */
	}
	(void)chmod(run->stage, st->st_mode & 07777);
}

outdir *
outdir_stage(const char *prog, const char *dir, const outdir_file *files,
    size_t count)
{
	outdir *run = calloc(1, sizeof *run);
	struct stat st;
	char name[32];

	if (run == NULL) {
		report_out_of_memory(prog);
		return NULL;
	}
	run->prog = prog;
	run->dir = dir;
	run->stage_slot = -1;
	if ((run->target = resolve(dir, &run->exists, &st)) == NULL ||
	    (run->stage = atomic_beside(run->target, "XXXXXX")) == NULL)
		goto no_folder;
	if (mkdtemp(run->stage) == NULL) {
		free(run->stage);
		run->stage = NULL;
		goto no_folder;
	}
	if ((run->stage_slot = cleanup_add(run->stage, true)) < 0)
		goto no_folder;
	set_mode(run, &st);
	if (run->exists && !carry_over(run))
		goto fail;
	for (size_t i = 0; i < count; i++) {
		snprintf(name, sizeof name, OUTDIR_NAME_FORMAT, i + 1);
		if (!put(run, name, &files[i], NULL))
			goto fail;
	}
	return run;
no_folder:
	report_say(stderr, prog, dir, MIF_ERROR, MIF_RULE_IO,
	    "cannot create folder: %s", strerror(errno));
fail:
	outdir_discard(run);
	return NULL;
}

/* Swap the folders at a and b, in one step where the system can. */
static int
exchange(const char *a, const char *b)
{
#ifdef RENAME_EXCHANGE
	if (renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
		return -1;
#endif
	/* two renames, with the signals held between them: only a crash
	 * there leaves b missing, its old run whole in the hidden folder */
	char *hold = atomic_beside(b, "old.XXXXXX");
	int r = -1;

	if (hold == NULL || mkdtemp(hold) == NULL) {
		free(hold);
		return -1;
	}
	if (rename(b, hold) == 0) {
		if (rename(a, b) == 0) {
			r = 0;
			/* the old run where the caller looks for it */
			(void)rename(hold, a);
		} else {
			int saved = errno;
			(void)rename(hold, b);
			errno = saved;
		}
	}
	int saved = errno;
	rmdir(hold); /* the placeholder, when it is empty */
	free(hold);
	errno = saved;
	return r;
}

bool
outdir_commit(outdir *run)
{
	sigset_t old;
	bool ok;

	cleanup_test_pause();
	cleanup_hold(&old);
	ok = (run->exists ? exchange(run->stage, run->target)
	    : rename(run->stage, run->target)) == 0;
	if (!ok) {
		report(run, NULL, "put the new folder in place", errno);
		cleanup_release(&old);
		outdir_discard(run);
		return false;
	}
	/* the new files are in place: a signal must not remove them */
	names_free(&run->made);
	memset(&run->made, 0, sizeof run->made);
	cleanup_forget(run->stage_slot);
	run->stage_slot = -1;
	/* the stage's name is the old folder's now: empty it */
	for (size_t i = 0; i < run->old.n; i++) {
		char *path = join(run->stage, run->old.name[i]);
		if (path != NULL)
			unlink(path);
		free(path);
	}
	if (run->exists && rmdir(run->stage) != 0)
		report_say(stderr, run->prog, run->dir, MIF_WARNING, MIF_RULE_IO,
		    "the folder of the earlier run is left as %s: %s",
		    run->stage, strerror(errno));
	cleanup_release(&old);
	char *parent = atomic_folder_of(run->target);
	if (parent != NULL)
		atomic_sync_folder(parent);
	free(parent);
	free(run->stage);
	run->stage = NULL;
	outdir_discard(run);
	return true;
}

void
outdir_discard(outdir *run)
{
	if (run == NULL)
		return;
	for (size_t i = run->made.n; run->stage != NULL && i-- > 0;) {
		char *path = join(run->stage, run->made.name[i]);
		if (path != NULL)
			unlink(path);
		free(path);
	}
	if (run->stage != NULL)
		rmdir(run->stage);
	names_free(&run->made);
	names_free(&run->old);
	cleanup_forget(run->stage_slot);
	free(run->stage);
	free(run->target);
	free(run);
}
