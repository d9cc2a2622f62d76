/*
 * Time a command and measure the peak memory of its whole process tree.
 *
 *   treepeak OUTFILE COMMAND [ARG...]
 *
 * writes "SECONDS KB" to OUTFILE, as /usr/bin/time -o OUTFILE -f '%e %M'
 * would, and exits with the command's status.  KB is not the peak of the
 * command alone.  GNU time's %M is the largest peak of one process:
 * the kernel folds the peaks of the children a process waits for into
 * its own, as a maximum, so mif-audit -j 2 gives the peak of its
 * largest process, not of the three at once.  Here KB is the sum of
 * the peaks (VmHWM) of every process of the tree, read from /proc every
 * 10 ms while they run; pages that a fork shares are counted in each
 * process, so the sum is an upper bound.  A process's peak is its last
 * reading, up to 10 ms old: right for processes that live long enough
 * to be measured, as a benchmark's do.  Should a process come and go
 * between readings, the sum is at least the largest peak of one
 * process (the rusage of the command).  Linux only.
 */
#define _DEFAULT_SOURCE /* wait4() */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* The processes seen, with the largest VmHWM read from each. */
typedef struct seen {
	pid_t pid;
	long kb;
} seen;

typedef struct tree {
	seen *procs;
	size_t n, cap;
} tree;

static void
note(tree *t, pid_t pid, long kb)
{
	for (size_t i = 0; i < t->n; i++) {
		if (t->procs[i].pid == pid) {
			if (kb > t->procs[i].kb)
				t->procs[i].kb = kb;
			return;
		}
	}
	if (t->n == t->cap) {
		t->cap = t->cap > 0 ? t->cap * 2 : 16;
		t->procs = realloc(t->procs, t->cap * sizeof *t->procs);
		if (t->procs == NULL) {
			perror("treepeak");
			exit(2);
		}
	}
	t->procs[t->n++] = (seen){ pid, kb };
}

/* A process's VmHWM in kB; -1 when it is gone (or a zombie). */
static long
hwm_kb(pid_t pid)
{
	char path[64], line[256];
	long kb = -1;

	snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
	FILE *f = fopen(path, "r");
	if (f == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, "VmHWM: %ld kB", &kb) == 1)
			break;
	fclose(f);
	return kb;
}

/* Read the peaks of pid and, through the children lists of its
 * threads, of every process below it. */
static void
sample(tree *t, pid_t pid)
{
	long kb = hwm_kb(pid);
	if (kb >= 0)
		note(t, pid, kb);

	char path[64];
	snprintf(path, sizeof path, "/proc/%ld/task/%ld/children", (long)pid,
	    (long)pid);
	FILE *f = fopen(path, "r");
	if (f == NULL)
		return;
	long child;
	while (fscanf(f, "%ld", &child) == 1)
		sample(t, (pid_t)child);
	fclose(f);
}

static double
now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char *argv[])
{
	if (argc < 3) {
		fputs("usage: treepeak OUTFILE COMMAND [ARG...]\n", stderr);
		return 2;
	}
	double start = now();
	pid_t pid = fork();
	if (pid < 0) {
		perror("treepeak: fork");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		fprintf(stderr, "treepeak: %s: %s\n", argv[2], strerror(errno));
		_exit(127);
	}

	tree t = { NULL, 0, 0 };
	int status = 0;
	struct rusage ru;
	for (;;) {
		pid_t got = wait4(pid, &status, WNOHANG, &ru);
		if (got == pid)
			break;
		if (got < 0 && errno != EINTR) {
			perror("treepeak: wait4");
			return 2;
		}
		sample(&t, pid);
		struct timespec tick = { 0, 10 * 1000 * 1000 };
		nanosleep(&tick, NULL);
	}
	double secs = now() - start;

	long total = 0;
	for (size_t i = 0; i < t.n; i++)
		total += t.procs[i].kb;
	if (total < ru.ru_maxrss)
		total = ru.ru_maxrss;
	free(t.procs);
	FILE *out = fopen(argv[1], "w");
	if (out == NULL || fprintf(out, "%.3f %ld\n", secs, total) < 0 ||
	    fclose(out) != 0) {
		perror(argv[1]);
		return 2;
	}
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}
