/* mif-audit's worker processes: see audit_workers.h. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "audit_workers.h"
#include "report.h"

/* What goes through a pipe before a record's bytes.  Both ends are the
 * same program, so the layout is the same. */
typedef struct record_head {
	uint32_t kind;
	mif_audit_counts counts;
	mif_audit_identity id;
	uint64_t out_len, err_len, db_len;
	/* warnings made errors (report_promoted()): the exit status is
	 * the calling process's to give */
	uint64_t promoted;
} record_head;

static bool
write_full(int fd, const void *data, size_t len)
{
	const char *p = data;

	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		p += n;
		len -= (size_t)n;
	}
	return true;
}

/* Read len bytes; false at the end of the pipe or on an error. */
static bool
read_full(int fd, void *data, size_t len)
{
	char *p = data;

	while (len > 0) {
		ssize_t n = read(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		p += n;
		len -= (size_t)n;
	}
	return true;
}

static void
free_record(audit_record *rec)
{
	free(rec->out);
	free(rec->err);
	free(rec->db);
	rec->out = rec->err = rec->db = NULL;
}

static bool
run_here(size_t n, audit_produce_fn *produce, audit_consume_fn *consume,
    void *ctx)
{
	for (size_t i = 0; i < n; i++) {
		audit_record rec = { 0 };
		if (!produce(ctx, i, &rec)) {
			free_record(&rec);
			return false;
		}
		bool go_on = consume(ctx, i, &rec);
		free_record(&rec);
		if (!go_on)
			return false;
	}
	return true;
}

/* A worker's life: its items, one record each, then exit. */
_Noreturn static void
work(int fd, unsigned k, unsigned workers, size_t n,
    audit_produce_fn *produce, void *ctx)
{
	for (size_t i = k; i < n; i += workers) {
		audit_record rec = { 0 };
		size_t promoted = report_promoted();
		if (!produce(ctx, i, &rec))
			_exit(2);
		record_head h;
		memset(&h, 0, sizeof h); /* padding too: it goes through a pipe */
		h.kind = (uint32_t)rec.kind;
		h.counts = rec.counts;
		h.id = rec.id;
		h.out_len = rec.out_len;
		h.err_len = rec.err_len;
		h.db_len = rec.db_len;
		h.promoted = report_promoted() - promoted;
		if (!write_full(fd, &h, sizeof h) ||
		    !write_full(fd, rec.out, rec.out_len) ||
		    !write_full(fd, rec.err, rec.err_len) ||
		    !write_full(fd, rec.db, rec.db_len))
			_exit(2); /* the reader is gone */
		free_record(&rec);
	}
	_exit(0);
}

/* A buffer that grows to hold the largest record part yet. */
typedef struct buffer {
	char *data;
	size_t cap;
} buffer;

static bool
read_part(int fd, buffer *b, uint64_t len, char **out)
{
	if (len >= SIZE_MAX)
		return false;
	if (len + 1 > b->cap) {
		char *p = realloc(b->data, (size_t)len + 1);
		if (p == NULL)
			return false;
		b->data = p;
		b->cap = (size_t)len + 1;
	}
	*out = b->data;
	return read_full(fd, b->data, (size_t)len);
}

bool
audit_workers_run(const char *prog, unsigned workers, size_t n,
    audit_produce_fn *produce, audit_consume_fn *consume, void *ctx)
{
	if (workers > n)
		workers = n > 0 ? (unsigned)n : 1;
	if (workers <= 1)
		return run_here(n, produce, consume, ctx);

	int *fds = malloc(workers * sizeof *fds);
	pid_t *pids = malloc(workers * sizeof *pids);
	unsigned started = 0;
	bool ok = fds != NULL && pids != NULL;

	if (!ok)
		report_out_of_memory(prog);
	/* what is buffered must not be written by every process */
	fflush(stdout);
	fflush(stderr);
	for (; ok && started < workers; started++) {
		int p[2];
		if (pipe(p) != 0) {
			report_fatal(stderr, prog, NULL, MIF_RULE_IO, "pipe: %s",
			    strerror(errno));
			ok = false;
			break;
		}
		pid_t pid = fork();
		if (pid < 0) {
			report_fatal(stderr, prog, NULL, MIF_RULE_IO, "fork: %s",
			    strerror(errno));
			close(p[0]);
			close(p[1]);
			ok = false;
			break;
		}
		if (pid == 0) {
			close(p[0]);
			for (unsigned k = 0; k < started; k++)
				close(fds[k]);
			work(p[1], started, workers, n, produce, ctx);
		}
		close(p[1]);
		fds[started] = p[0];
		pids[started] = pid;
	}

	buffer out = { NULL, 0 }, err = { NULL, 0 }, db = { NULL, 0 };
	for (size_t i = 0; ok && i < n; i++) {
		record_head h;
		audit_record rec = { 0 };
		int fd = fds[i % workers];
		if (!read_full(fd, &h, sizeof h) ||
		    !read_part(fd, &out, h.out_len, &rec.out) ||
		    !read_part(fd, &err, h.err_len, &rec.err) ||
		    !read_part(fd, &db, h.db_len, &rec.db)) {
			report_fatal(stderr, prog, NULL, MIF_RULE_IO,
			    "a worker process failed");
			ok = false;
			break;
		}
		rec.kind = (enum audit_record_kind)h.kind;
		rec.counts = h.counts;
		rec.id = h.id;
		rec.out_len = (size_t)h.out_len;
		rec.err_len = (size_t)h.err_len;
		rec.db_len = (size_t)h.db_len;
		report_add_promoted((size_t)h.promoted);
		if (!consume(ctx, i, &rec))
			ok = false;
	}
	free(out.data);
	free(err.data);
	free(db.data);

	/* closing the pipes stops workers that are still writing */
	for (unsigned k = 0; k < started; k++)
		close(fds[k]);
	for (unsigned k = 0; k < started; k++) {
		int status = 0;
		pid_t got;
		while ((got = waitpid(pids[k], &status, 0)) < 0 && errno == EINTR)
			;
		if (ok && (got < 0 || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != 0)) {
			report_fatal(stderr, prog, NULL, MIF_RULE_IO,
			    "a worker process failed");
			ok = false;
		}
	}
	free(fds);
	free(pids);
	return ok;
}
