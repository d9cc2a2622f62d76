/* What every mif-* tool shares: see cli.h. */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "mif.h"
#include "report.h"

/* How bad an exit status is: trouble worst, then errors in an input. */
static int
badness(int status)
{
	switch (status) {
	case CLI_OK: return 0;
	case CLI_NO: return 1;
	case CLI_INPUT: return 2;
	default: return 3;
	}
}

int
cli_worse(int a, int b)
{
	return badness(a) >= badness(b) ? a : b;
}

void
cli_deprecated(const char *prog, const char *old, const char *now)
{
	report_say(stderr, prog, NULL, MIF_WARNING, MIF_RULE_OLD_SPELLING,
	    "%s is now spelled %s; %s will go", old, now, old);
}

void
cli_version(const char *prog)
{
	printf("%s (miftools) %s\n", prog, MIF_VERSION_STRING);
}

void
cli_usage_error(const char *prog, const char *usage, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n%s", usage);
	exit(CLI_TROUBLE);
}

/* The option's name as written, without any "=value". */
static int
name_length(const char *arg)
{
	size_t n = strcspn(arg, "=");

	return n > INT_MAX ? INT_MAX : (int)n;
}

/* Whether val belongs to a long option that takes no argument. */
static bool
takes_no_argument(const struct option *longopts, int val)
{
	for (const struct option *o = longopts; o->name != NULL; o++)
		if (o->val == val && o->has_arg == no_argument)
			return true;
	return false;
}

void
cli_bad_option(const char *prog, const char *usage, int ret,
    char *const argv[], const struct option *longopts)
{
	/* After a refused long option, optind has moved past it. */
	const char *arg = optind > 0 ? argv[optind - 1] : "";
	bool is_long = strncmp(arg, "--", 2) == 0;

	if (ret == ':') {
		if (is_long)
			cli_usage_error(prog, usage,
			    "option requires an argument: %.*s",
			    name_length(arg), arg);
		cli_usage_error(prog, usage,
		    "option requires an argument: -%c", optopt);
	}
	if (optopt == 0 && is_long)
		cli_usage_error(prog, usage, "unknown option: %.*s",
		    name_length(arg), arg);
	if (is_long && takes_no_argument(longopts, optopt))
		cli_usage_error(prog, usage, "option takes no argument: %.*s",
		    name_length(arg), arg);
	if (optopt > ' ' && optopt < 0x7F)
		cli_usage_error(prog, usage, "unknown option: -%c", optopt);
	cli_usage_error(prog, usage, "unknown option: %s", arg);
}

bool
cli_parse_count(const char *text, unsigned *out)
{
	if (text[0] < '0' || text[0] > '9')
		return false; /* strtoul would take blanks and signs */
	errno = 0;
	char *end;
	unsigned long n = strtoul(text, &end, 10);
	if (errno != 0 || *end != '\0' || n == 0 || n > UINT_MAX)
		return false;
	*out = (unsigned)n;
	return true;
}

const char *
cli_display_name(const char *path)
{
	return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

/* For tests only: MIFTOOLS_TEST_MAX_INPUT lowers the input limit, so
 * that a test need not feed gigabytes; SIZE_MAX when unset. */
static size_t
test_limit(void)
{
	const char *test = getenv("MIFTOOLS_TEST_MAX_INPUT");

	if (test == NULL || *test < '0' || *test > '9')
		return SIZE_MAX;
	unsigned long long n = strtoull(test, NULL, 10);
	return n < SIZE_MAX ? (size_t)n : SIZE_MAX;
}

/*
 * The most bytes an input starting with head may have, as the library
 * reckons it (mif/load.c): MIF_MAX_INPUT, or twice that in UTF-16, whose
 * text halves when decoded.
 */
static size_t
input_limit(const unsigned char *head, size_t n)
{
	bool utf16 = n >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) ||
	    (head[0] == 0xFE && head[1] == 0xFF));
	size_t limit = utf16 ? (size_t)MIF_MAX_INPUT * 2 + 2
	    : (size_t)MIF_MAX_INPUT + 3;
	size_t test = test_limit();

	return test < limit ? test : limit;
}

const char *
cli_read_error(int error)
{
	static char text[64];
	size_t test = test_limit();

	if (error != EFBIG)
		return strerror(error);
	snprintf(text, sizeof text, "input too large (over %zu bytes)",
	    test < MIF_MAX_INPUT ? test : (size_t)MIF_MAX_INPUT);
	return text;
}

/* Whether fp, a regular file, is too big to be read at all. */
static bool
file_too_big(FILE *fp)
{
	unsigned char head[2] = { 0, 0 };
	struct stat st;
	off_t at = ftello(fp);

	if (at < 0 || fstat(fileno(fp), &st) != 0 || !S_ISREG(st.st_mode) ||
	    st.st_size <= at)
		return false;
	if (pread(fileno(fp), head, sizeof head, at) < 0)
		return false;
	return (uintmax_t)(st.st_size - at) > (uintmax_t)input_limit(head, 2);
}

void
cli_put_text(FILE *fp, const char *s)
{
	mif_escape_print(s, strlen(s), 0, fp);
}

char *
cli_read_file(const char *path, size_t *len)
{
	bool is_stdin = strcmp(path, "-") == 0;
	FILE *fp = is_stdin ? stdin : fopen(path, "rb");

	if (fp == NULL)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	char *buf = NULL;
	if (file_too_big(fp))
		errno = EFBIG;
	else
		buf = malloc(cap);
	while (buf != NULL) {
		size_t limit = input_limit((unsigned char *)buf, n);
		if (n > limit) {
			free(buf);
			buf = NULL;
			errno = EFBIG;
			break;
		}
		if (n == cap) {
			/* one byte past the limit at most, to see it passed */
			size_t want = cap <= limit / 2 ? cap * 2 : limit + 1;
			char *bigger = realloc(buf, want);
			if (bigger == NULL) {
				free(buf);
				buf = NULL;
				errno = ENOMEM;
				break;
			}
			buf = bigger;
			cap = want;
		}
		size_t got = fread(buf + n, 1, cap - n, fp);
		n += got;
		if (got == 0) {
			if (ferror(fp)) {
				int saved = errno != 0 ? errno : EIO;
				free(buf);
				buf = NULL;
				errno = saved;
			}
			break;
		}
	}
	int saved = errno;
	if (!is_stdin)
		fclose(fp);
	errno = saved;
	if (buf != NULL)
		*len = n;
	return buf;
}

/* Whether path names a regular file (standard input, FIFOs, devices
 * and folders are read by cli_read_file(), which opens them once). */
static bool
names_regular_file(const char *path)
{
	struct stat st;

	return strcmp(path, "-") != 0 && stat(path, &st) == 0 &&
	    S_ISREG(st.st_mode);
}

/* path opened, when it is not too big to read; NULL with errno. */
static FILE *
open_regular(const char *path)
{
	FILE *fp = fopen(path, "rb");

	if (fp != NULL && file_too_big(fp)) {
		fclose(fp);
		errno = EFBIG;
		return NULL;
	}
	return fp;
}

char *
cli_map_file(const char *path, size_t *len, bool *mapped)
{
	*mapped = false;
	if (names_regular_file(path)) {
		FILE *fp = open_regular(path);
		struct stat st;
		if (fp == NULL)
			return NULL;
		void *map = fstat(fileno(fp), &st) == 0 && st.st_size > 0 ?
		    mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE,
		    fileno(fp), 0) : MAP_FAILED;
		fclose(fp);
		if (map != MAP_FAILED) {
			*mapped = true;
			*len = (size_t)st.st_size;
			return map;
		}
	}
	return cli_read_file(path, len);
}

void
cli_release_file(char *data, size_t len, bool mapped)
{
	if (mapped)
		munmap(data, len);
	else
		free(data);
}

/* Parse path with from_file when it is a regular file, else read it
 * whole and parse it with from_buffer. */
static mif_doc *
parse_path(const char *path, const mif_parse_options *opts, mif_error *err,
    int *read_error,
    mif_doc *(*from_file)(FILE *, const mif_parse_options *, mif_error *),
    mif_doc *(*from_buffer)(const void *, size_t, const mif_parse_options *,
    mif_error *))
{
	mif_doc *doc;

	*read_error = 0;
	if (names_regular_file(path)) {
		FILE *fp = open_regular(path);
		if (fp == NULL) {
			*read_error = errno;
			return NULL;
		}
		doc = from_file(fp, opts, err);
		fclose(fp);
		return doc;
	}
	size_t len;
	char *data = cli_read_file(path, &len);
	if (data == NULL) {
		*read_error = errno;
		return NULL;
	}
	doc = from_buffer(data, len, opts, err);
	free(data);
	return doc;
}

mif_doc *
cli_parse_mif(const char *path, const mif_parse_options *opts,
    mif_error *err, int *read_error)
{
	return parse_path(path, opts, err, read_error, mif_parse_stream,
	    mif_parse_buffer);
}

mif_doc *
cli_parse_json(const char *path, const mif_parse_options *opts,
    mif_error *err, int *read_error)
{
	return parse_path(path, opts, err, read_error, mif_parse_json_stream,
	    mif_parse_json);
}

mif_doc *
cli_parse_xml(const char *path, const mif_parse_options *opts,
    mif_error *err, int *read_error)
{
	return parse_path(path, opts, err, read_error, mif_parse_xml_stream,
	    mif_parse_xml);
}

bool
cli_put_stdout(void *ctx, const void *bytes, size_t len)
{
	const char *p = bytes;

	if (fflush(stdout) != 0) {
		*(int *)ctx = errno;
		return false;
	}
	while (len > 0) {
		ssize_t n = write(STDOUT_FILENO, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			*(int *)ctx = n < 0 ? errno : EIO;
			return false;
		}
		p += n;
		len -= (size_t)n;
	}
	return true;
}

bool
cli_flush_stdout(const char *prog)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return true;
	report_fatal(stderr, prog, NULL, MIF_RULE_IO, "standard output: %s",
	    errno != 0 ? strerror(errno) : "write error");
	return false;
}

/* The names --encoding and --input-encoding take: mif_encoding_parse()
 * reads the usual spellings, listed in mif(5). */
static const char encoding_names[] = "latin1, utf-8, utf-16le or utf-16be";

mif_encoding
cli_parse_encoding(const char *prog, const char *usage, const char *text)
{
	mif_encoding encoding;

	if (!mif_encoding_parse(text, &encoding))
		cli_usage_error(prog, usage, "--encoding wants %s, not '%s'",
		    encoding_names, text);
	return encoding;
}

void
cli_parse_input_encoding(const char *prog, const char *usage,
    const char *text, mif_parse_options *opts)
{
	if (!mif_encoding_parse(text, &opts->input_encoding))
		cli_usage_error(prog, usage,
		    "--input-encoding wants %s, not '%s'", encoding_names, text);
	opts->input_encoding_given = true;
}

mif_newline
cli_parse_newline(const char *prog, const char *usage, const char *text)
{
	if (strcmp(text, "lf") == 0)
		return MIF_NL_LF;
	if (strcmp(text, "crlf") == 0)
		return MIF_NL_CRLF;
	cli_usage_error(prog, usage, "--newline wants lf or crlf, not '%s'",
	    text);
}

/* MIF_THREADS (miftools(7) ENVIRONMENT): the threads of one parse; a
 * value that is no number leaves the library's choice. */
static unsigned
threads_wanted(void)
{
	const char *v = getenv("MIF_THREADS");
	char *end;

	if (v == NULL || *v < '0' || *v > '9')
		return 0;
	unsigned long n = strtoul(v, &end, 10);
	return *end == '\0' && n <= UINT_MAX ? (unsigned)n : 0;
}

mif_parse_options
cli_input_named(const mif_parse_options *input, const char *name)
{
	mif_parse_options o = { .source_name = name };

	if (input != NULL) {
		o = *input;
		o.source_name = name;
	}
	if (o.threads == 0)
		o.threads = threads_wanted();
	return o;
}

const char *
cli_encoding_name(mif_encoding encoding)
{
	static const char *const names[] = {
		[MIF_ENC_LATIN1] = "latin1",
		[MIF_ENC_UTF8] = "utf-8",
		[MIF_ENC_UTF16LE] = "utf-16le",
		[MIF_ENC_UTF16BE] = "utf-16be",
	};

	return (unsigned)encoding <= MIF_ENC_UTF16BE ? names[encoding] : "?";
}
