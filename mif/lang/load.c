/* The parse entry points: a buffer, a stream, a path. */

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lang/internal.h"

/* Files from this size are mapped, not read; smaller ones are read
 * whole. */
#define SMALL_FILE (1024 * 1024)

/*
 * The most bytes an input that starts with head (n bytes of it) may
 * have: its text, once decoded, must fit MIF_MAX_INPUT, and decoding
 * never shrinks Latin-1 or UTF-8, nor UTF-16 to less than half.  Past
 * this a reader stops at once, not when memory runs out.
 */
static size_t
raw_limit(const unsigned char *head, size_t n)
{
	bool utf16 = n >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) ||
	    (head[0] == 0xFE && head[1] == 0xFF));

	return utf16 ? (size_t)MIF_MAX_INPUT * 2 + 2 : (size_t)MIF_MAX_INPUT + 3;
}

static void
too_big(mif_error *err, const char *name)
{
	mif_error_set(err, MIF_E_TOO_BIG, name, "input too large (over %u bytes)",
	    (unsigned)MIF_MAX_INPUT);
}

/* One parse of the raw bytes in data (cap bytes, malloc'd or, if
 * `mapped`, mapped), which the document takes, its look for ^Z and bytes
 * over 0x7F left to the scanner's feed when `defer_look`; NULL when out
 * of memory or the bytes cannot be read as text. */
static mif_doc *
parse_input(char *data, size_t len, size_t cap, bool mapped,
    const char *name, const mif_parse_options *opts,
    const mif_row_hooking *rows, bool defer_look, mif_error *err)
{
	mif_doc *doc = mif_doc_new(name);

	if (doc == NULL) {
		if (mapped)
			munmap(data, cap);
		else
			free(data);
		mif_error_set(err, MIF_E_NOMEM, name, "out of memory");
		return NULL;
	}
	doc->input = data;
	doc->input_cap = cap;
	doc->input_mapped = mapped;
	doc->look_deferred = defer_look;
	if (!mif_source_load(doc, len, opts, err)) {
		mif_doc_free(doc);
		return NULL;
	}
	if (opts != NULL) {
		doc->keep_block = opts->keep_block;
		doc->keep_block_arg = opts->keep_block_arg;
	}
	doc->rows = rows;
	unsigned max_errors = opts != NULL ? opts->max_errors : 0;
	if (max_errors != 0)
		doc->max_errors = max_errors;
	/* a parse that drops blocks or rows keeps to one thread: the two
	 * parts' memory is joined at the split, past any point it could
	 * rewind to */
	bool drops = doc->keep_block != NULL || rows != NULL;
	mif_parse_text(doc, doc->max_errors, drops ? 1
	    : opts != NULL ? opts->threads : 0);
	doc->keep_block = NULL;
	doc->rows = NULL;
	return doc;
}

/* Turn raw bytes into a parsed document; the document takes the buffer
 * (cap bytes), which is malloc'd or, if `mapped`, mapped. */
static mif_doc *
parse_owned(char *data, size_t len, size_t cap, bool mapped, const char *name,
    const mif_parse_options *opts, const mif_row_hooking *rows, mif_error *err)
{
	/* a parse is made again only when what it calls back can start
	 * over: a caller's keep_block has seen what it has seen */
	bool defer = (opts == NULL || opts->keep_block == NULL) &&
	    (rows == NULL || rows->restart != NULL);
	mif_doc *doc = parse_input(data, len, cap, mapped, name, opts, rows,
	    defer, err);

	if (doc != NULL && doc->look_failed) {
		/* its deferred look found a ^Z or a byte over 0x7F: the
		 * input (its text lies in it, untranscoded) goes on to the
		 * next parse, looked at first; the rest of this one goes */
		doc->text = doc->input = NULL;
		doc->input_mapped = false;
		if (rows != NULL)
			rows->restart(rows->arg);
		mif_doc_free(doc);
		doc = parse_input(data, len, cap, mapped, name, opts, rows,
		    false, err);
	}
	if (doc != NULL && doc->ndiags > 0 && err != NULL) {
		for (size_t i = 0; i < doc->ndiags; i++) {
			if (doc->diags[i].severity >= MIF_ERROR) {
				*err = doc->diags[i];
				break;
			}
		}
	}
	return doc;
}

static const char *
name_of(const mif_parse_options *opts, const char *fallback)
{
	return opts != NULL && opts->source_name != NULL ? opts->source_name : fallback;
}

/* The caller's options, with the source named. */
static mif_parse_options
with_name(const mif_parse_options *opts, const char *fallback)
{
	mif_parse_options o = { .input_encoding = MIF_ENC_LATIN1 };

	if (opts != NULL)
		o = *opts;
	o.source_name = name_of(opts, fallback);
	return o;
}

mif_doc *
mif_parse_buffer(const void *data, size_t len, const mif_parse_options *opts,
    mif_error *err)
{
	const char *name = name_of(opts, "<buffer>");

	if (len > raw_limit(data, len)) {
		too_big(err, name);
		return NULL;
	}
	char *copy = malloc(len + 1); /* never malloc(0) */
	if (copy == NULL) {
		mif_error_set(err, MIF_E_NOMEM, name, "out of memory");
		return NULL;
	}
	if (len > 0)
		memcpy(copy, data, len);
	return parse_owned(copy, len, len + 1, false, name, opts, NULL, err);
}

/* Where read_all() reads: a stream, or a file descriptor (a path, read
 * without a stream's buffer and its system calls). */
typedef struct input {
	FILE *fp;
	int fd;
} input;

/* Up to n bytes into buf; 0 at the end or on an error (errno set). */
static size_t
input_read(input in, char *buf, size_t n, bool *failed)
{
	if (in.fp != NULL) {
		size_t got = fread(buf, 1, n, in.fp);
		*failed = got == 0 && ferror(in.fp);
		return got;
	}
	for (;;) {
		ssize_t got = read(in.fd, buf, n);
		if (got >= 0) {
			*failed = false;
			return (size_t)got;
		}
		if (errno != EINTR) {
			*failed = true;
			return 0;
		}
	}
}

/* Read all of in into a malloc'd buffer of *cap_out bytes; size_hint is
 * the file's size when known. */
static char *
read_all(input in, size_t size_hint, size_t *len, size_t *cap_out,
    const char *name, mif_error *err)
{
	/* one byte spare, so that a file read whole meets its end with no
	 * growth */
	size_t cap = size_hint > 0 && size_hint <= (size_t)MIF_MAX_INPUT
	    ? size_hint + 1 : 64 * 1024;
	size_t n = 0;
	char *buf = malloc(cap);

	if (buf == NULL)
		goto nomem;
	for (;;) {
		size_t limit = raw_limit((unsigned char *)buf, n);
		if (n > limit) {
			free(buf);
			too_big(err, name);
			return NULL;
		}
		if (n == cap) {
			/* no more than one byte past the limit, to see it passed */
			size_t want = cap <= limit / 2 ? cap * 2 : limit + 1;
			char *p = realloc(buf, want);
			if (p == NULL)
				goto nomem;
			buf = p;
			cap = want;
		}
		bool failed;
		size_t got = input_read(in, buf + n, cap - n, &failed);
		n += got;
		if (got == 0) {
			if (failed) {
				int e = errno;
				free(buf);
				mif_error_set(err, MIF_E_IO, name, "read error: %s",
				    strerror(e != 0 ? e : EIO));
				return NULL;
			}
			break;
		}
	}
	*len = n;
	*cap_out = cap;
	return buf;
nomem:
	free(buf);
	mif_error_set(err, MIF_E_NOMEM, name, "out of memory");
	return NULL;
}

static mif_doc *
parse_stream(FILE *fp, const mif_parse_options *opts,
    const mif_row_hooking *rows, mif_error *err)
{
	const char *name = name_of(opts, "<stdin>");
	struct stat st;
	size_t hint = 0;

	if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
		/* too big for what its byte-order mark says: refused before
		 * it is read */
		unsigned char head[2] = { 0, 0 };
		off_t at = ftello(fp);
		if (st.st_size > (off_t)MIF_MAX_INPUT &&
		    (at < 0 || pread(fileno(fp), head, 2, at) < 0 ||
		    (uintmax_t)(st.st_size - at) > raw_limit(head, 2))) {
			too_big(err, name);
			return NULL;
		}
		hint = (size_t)st.st_size;
	}
	/* Map a big regular file: its pages come from the page cache, with no
	 * copy and no zeroing.  The loader and the scanner read it a few MiB
	 * at a time and give each back (mif_source_give_back()), so it is
	 * not populated whole at once. */
	if (hint >= SMALL_FILE && ftello(fp) == 0 && hint <= (size_t)MIF_MAX_INPUT) {
		void *map = mmap(NULL, hint, PROT_READ, MAP_PRIVATE, fileno(fp), 0);
		if (map != MAP_FAILED)
			return parse_owned(map, hint, hint, true, name, opts, rows,
			    err);
	}
	size_t len, cap;
	char *data = read_all((input){ .fp = fp }, hint, &len, &cap, name, err);
	return data != NULL ? parse_owned(data, len, cap, false, name, opts,
	    rows, err) : NULL;
}

mif_doc *
mif_parse_stream(FILE *fp, const mif_parse_options *opts, mif_error *err)
{
	return parse_stream(fp, opts, NULL, err);
}

static mif_doc *
parse_path(const char *path, const mif_parse_options *opts,
    const mif_row_hooking *rows, mif_error *err)
{
	if (strcmp(path, "-") == 0) {
		mif_parse_options o = with_name(opts, "<stdin>");
		return parse_stream(stdin, &o, rows, err);
	}
	const char *name = name_of(opts, path);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		mif_error_set(err, MIF_E_IO, name, "%s", strerror(errno));
		return NULL;
	}
	mif_parse_options o = with_name(opts, path);
	/* A small regular file, as most are, is read at once: one buffer,
	 * a few system calls.  Others take the stream's way, which maps
	 * big files and refuses ones too big before reading them. */
	struct stat st;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    st.st_size < SMALL_FILE) {
		size_t len, cap;
		char *data = read_all((input){ .fd = fd }, (size_t)st.st_size,
		    &len, &cap, name, err);
		close(fd);
		return data != NULL ? parse_owned(data, len, cap, false, name,
		    &o, rows, err) : NULL;
	}
	FILE *fp = fdopen(fd, "rb");
	if (fp == NULL) {
		int e = errno;
		close(fd);
		mif_error_set(err, MIF_E_IO, name, "%s", strerror(e));
		return NULL;
	}
	mif_doc *doc = parse_stream(fp, &o, rows, err);
	fclose(fp);
	return doc;
}

mif_doc *
mif_parse_path(const char *path, const mif_parse_options *opts, mif_error *err)
{
	return parse_path(path, opts, NULL, err);
}

mif_doc *
mif_parse_path_rows(const char *path, const mif_parse_options *opts,
    mif_row_hook *hook, mif_row_restart *restart, void *arg, mif_error *err)
{
	mif_row_hooking h = { hook, restart, arg };

	return parse_path(path, opts, &h, err);
}
