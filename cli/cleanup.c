/* Removing half-written files when a signal ends the tool: see cleanup.h. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cleanup.h"

/* A signal handler sees only globals; the list changes only with the
 * signals held, so the handler never sees it half-changed. */
static struct entry {
	char *path;     /* NULL: forgotten */
	bool is_folder;
} *entries;
static size_t nentries, capacity;
static bool installed;

static const int signals[] = { SIGINT, SIGTERM, SIGHUP };
#define NSIGNALS (sizeof signals / sizeof signals[0])

static void
on_signal(int sig)
{
	/* only async-signal-safe calls: unlink, rmdir, sigaction, raise */
	for (size_t i = nentries; i-- > 0;) {
		if (entries[i].path == NULL)
			continue;
		if (entries[i].is_folder)
			rmdir(entries[i].path);
		else
			unlink(entries[i].path);
	}
	struct sigaction dfl;
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(sig, &dfl, NULL);
	/* delivered, with the default action, once the handler returns */
	raise(sig);
}

static void
install(void)
{
	struct sigaction sa, old;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < NSIGNALS; i++)
		sigaddset(&sa.sa_mask, signals[i]);
	for (size_t i = 0; i < NSIGNALS; i++) {
		if (sigaction(signals[i], NULL, &old) == 0 &&
		    old.sa_handler == SIG_IGN)
			continue;
		sigaction(signals[i], &sa, NULL);
	}
	installed = true;
}

void
cleanup_hold(sigset_t *old)
{
	sigset_t set;

	sigemptyset(&set);
	for (size_t i = 0; i < NSIGNALS; i++)
		sigaddset(&set, signals[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

void
cleanup_release(const sigset_t *old)
{
	sigprocmask(SIG_SETMASK, old, NULL);
}

int
cleanup_add(const char *path, bool is_folder)
{
	char *copy = strdup(path);
	sigset_t old;
	int slot = -1;

	if (copy == NULL)
		return -1;
	cleanup_hold(&old);
	if (!installed)
		install();
	/* reuse the slots forgotten at the end, so that the list stays as
	 * long as what is in flight */
	while (nentries > 0 && entries[nentries - 1].path == NULL)
		nentries--;
	if (nentries == capacity) {
		size_t want = capacity > 0 ? capacity * 2 : 16;
		struct entry *bigger = realloc(entries, want * sizeof *bigger);
		if (bigger != NULL) {
			entries = bigger;
			capacity = want;
		}
	}
	if (nentries < capacity) {
		entries[nentries].path = copy;
		entries[nentries].is_folder = is_folder;
		slot = (int)nentries++;
		copy = NULL;
	}
	cleanup_release(&old);
	if (copy != NULL) {
		free(copy);
		errno = ENOMEM;
	}
	return slot;
}

void
cleanup_forget(int slot)
{
	sigset_t old;
	char *path;

	if (slot < 0)
		return;
	cleanup_hold(&old);
	path = entries[slot].path;
	entries[slot].path = NULL;
	if (nentries == (size_t)slot + 1)
		nentries--;
	/* the last one out frees the list, so that no tool leaks it */
	while (nentries > 0 && entries[nentries - 1].path == NULL)
		nentries--;
	if (nentries == 0) {
		free(entries);
		entries = NULL;
		capacity = 0;
	}
	cleanup_release(&old);
	free(path);
}

void
cleanup_test_pause(void)
{
	const char *fifo = getenv("MIFTOOLS_TEST_PAUSE_BEFORE_RENAME");
	char buf[64];
	int fd;

	if (fifo == NULL || *fifo == '\0')
		return;
	if ((fd = open(fifo, O_WRONLY)) >= 0) {
		(void)!write(fd, "paused\n", 7);
		close(fd);
	}
	if ((fd = open(fifo, O_RDONLY)) >= 0) {
		while (read(fd, buf, sizeof buf) > 0)
			;
		close(fd);
	}
}
