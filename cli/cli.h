/*
 * What every mif-* tool shares: exit statuses, option errors, --version,
 * numeric option values, reading a whole input.
 */
#ifndef CLI_H
#define CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>

#include "mif.h"

#if defined(__GNUC__)
#define CLI_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define CLI_PRINTF(f, a)
#endif

/* Exit statuses, as miftools(7), EXIT STATUS, tabulates them. */
enum {
	CLI_OK = 0,      /* done, and the answer is yes */
	CLI_NO = 1,      /* the answer is "no": invalid, different ... */
	CLI_TROUBLE = 2, /* bad usage, unreadable input, write error */
	CLI_INPUT = 3,   /* an input has errors: no answer can be given */
};

/* The worse of two exit statuses, in the order of miftools(7):
 * trouble (2) before errors in an input (3) before no (1) before yes. */
int cli_worse(int a, int b);

/* An option spelled as it was before miftools(7), OPTIONS, gave one
 * meaning to each spelling: "PROG: warning: OLD is now spelled NEW;
 * OLD will go" on standard error.  The option still works. */
void cli_deprecated(const char *prog, const char *old, const char *now);

/* Print "PROG (miftools) VERSION" on standard output. */
void cli_version(const char *prog);

/* Print "PROG: MESSAGE" and the usage lines on standard error, then exit
 * with CLI_TROUBLE.  usage ends with a newline. */
_Noreturn void cli_usage_error(const char *prog, const char *usage,
    const char *fmt, ...) CLI_PRINTF(3, 4);

/* Explain the option getopt_long refused (ret is what it returned:
 * '?' or ':'), then exit as cli_usage_error() does.  The option string
 * must start with ':' and opterr must be 0. */
_Noreturn void cli_bad_option(const char *prog, const char *usage, int ret,
    char *const argv[], const struct option *longopts);

/* Parse a count for an option such as --max-errors: a decimal number
 * from 1 to UINT_MAX.  False when text is anything else. */
bool cli_parse_count(const char *text, unsigned *out);

/* The output encoding an --encoding value names (latin1, utf-8,
 * utf-16le, utf-16be, spelt as mif_encoding_parse() reads them);
 * anything else is a usage error. */
mif_encoding cli_parse_encoding(const char *prog, const char *usage,
    const char *text);
/* --input-encoding ENC, which every tool that reads MIF takes: set the
 * encoding opts read input in, as --encoding names them; else a usage
 * error. */
void cli_parse_input_encoding(const char *prog, const char *usage,
    const char *text, mif_parse_options *opts);
/* The line ends a --newline value names (lf, crlf); else a usage error. */
mif_newline cli_parse_newline(const char *prog, const char *usage,
    const char *text);
/* The options of input (NULL: the defaults) for reading the file
 * called name. */
mif_parse_options cli_input_named(const mif_parse_options *input,
    const char *name);
/* The --encoding spelling of an encoding. */
const char *cli_encoding_name(mif_encoding encoding);

/* How a path is named in messages: as given, "<stdin>" for "-". */
const char *cli_display_name(const char *path);
/* s (NUL-terminated) in a line of text or TSV output, escaped by the
 * rule of miftools(7), OUTPUT ESCAPING (mif_escape()). */
void cli_put_text(FILE *fp, const char *s);

/*
 * Read the whole of path ("-": standard input).  Returns a malloc'd
 * buffer the caller frees, with *len its length; NULL with errno set
 * when it cannot be opened or read, EFBIG when it is longer than any
 * MIF may be (MIF_MAX_INPUT; twice that in UTF-16), which is found
 * as soon as it is passed, so that /dev/zero is refused, not read until
 * memory runs out.
 */
char *cli_read_file(const char *path, size_t *len);

/* What to say when cli_read_file() fails with error: strerror(), but
 * "input too large (over N bytes)" for EFBIG. */
const char *cli_read_error(int error);

/*
 * The same, but a regular file is mapped (read-only), not read: its
 * pages are the page cache's, so that no copy of a big input is made.
 * *mapped says which it is; give it back with cli_release_file().
 */
char *cli_map_file(const char *path, size_t *len, bool *mapped);
void cli_release_file(char *data, size_t len, bool mapped);

/*
 * Parse the MIF at path ("-": standard input) with opts, a regular file
 * mapped by mif_parse_stream() rather than read and copied.  NULL when
 * there is no document: *read_error is then the errno of reading, as
 * cli_read_file() sets it (EFBIG too), or 0 when the parser refused it
 * (*err says why).
 */
mif_doc *cli_parse_mif(const char *path, const mif_parse_options *opts,
    mif_error *err, int *read_error);
/* The same for XML (mif_parse_xml_stream(), which keeps what it reads
 * rather than a copy) and JSON (mif_parse_json_stream(); a file not
 * regular is read as UTF-8 by mif_parse_json(), its caller having
 * turned it so). */
mif_doc *cli_parse_xml(const char *path, const mif_parse_options *opts,
    mif_error *err, int *read_error);
mif_doc *cli_parse_json(const char *path, const mif_parse_options *opts,
    mif_error *err, int *read_error);

/* A mif_put_fn that writes to standard output (its file descriptor,
 * stdio's buffer flushed first); ctx is an int that receives errno when
 * a write fails. */
bool cli_put_stdout(void *ctx, const void *bytes, size_t len);

/* Flush standard output; on a write error say so and return false. */
bool cli_flush_stdout(const char *prog);

#endif /* CLI_H */
