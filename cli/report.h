/*
 * Diagnostics for people, on one stream:
 *
 *   PROG: FILE:LINE:COL: SEVERITY: TEXT
 *   the source line
 *           ^
 *
 * or "PROG: FILE: SEVERITY: TEXT" when the diagnostic has no place.
 */
#ifndef REPORT_H
#define REPORT_H

#include <stdio.h>

#include "cli.h"
#include "mif.h"

/* What --warnings, --diagnostics-format and --color chose
 * (diag_options.h); the defaults are ALL, TEXT and AUTO. */
enum report_warnings {
	REPORT_WARNINGS_ALL, REPORT_WARNINGS_NONE, REPORT_WARNINGS_ERROR
};
enum report_format { REPORT_TEXT, REPORT_JSON, REPORT_SARIF };
enum report_colour {
	REPORT_COLOUR_AUTO, REPORT_COLOUR_ALWAYS, REPORT_COLOUR_NEVER
};
/* Hide the warnings and notes of rule (--no-warn). */
void report_silence(mif_rule rule);
void report_set_warnings(enum report_warnings warnings);
/* JSON and SARIF start taking standard error in (report_capture.c). */
void report_set_format(const char *prog, enum report_format format);
void report_set_colour(enum report_colour colour);

/* Whether what goes to stream gets colour: as --color says, else when
 * stream is a terminal and NO_COLOR is unset or empty. */
bool report_colour_on(FILE *stream);
/* The colours (ECMA-48 SGR): severity words, and mif-diff's lines. */
#define REPORT_SGR_ERROR "\033[1;31m"
#define REPORT_SGR_WARNING "\033[1;35m"
#define REPORT_SGR_NOTE "\033[1;36m"
#define REPORT_SGR_ADDED "\033[32m"
#define REPORT_SGR_REMOVED "\033[31m"
#define REPORT_SGR_CHANGED "\033[33m"
#define REPORT_SGR_RESET "\033[0m"

/*
 * The end of a tool's run: write the JSON or SARIF document of what
 * standard error took in, and return status, made at least error_status
 * (the tool's status for an input with errors) when a warning was made
 * an error.
 */
int report_finish(int status, int error_status);

/* How many warnings --warnings error has made errors in this process;
 * a worker process carries its count back to the one that will exit
 * (audit_workers.c), which adds it. */
size_t report_promoted(void);
void report_add_promoted(size_t count);

/*
 * Give standard error a buffer when it is no terminal, so that a run
 * over many files writes its diagnostics in blocks of whole ones, not
 * one write(2) each; a terminal still sees each at once.  Call first,
 * before anything is written there.
 */
void report_batch_stderr(void);

/* One diagnostic; doc (may be NULL) gives the source line.  Warnings
 * and notes pass the --no-warn and --warnings filters first. */
void report_diag(FILE *out, const char *prog, const char *file,
    const mif_doc *doc, const mif_error *diag);

/* Whether doc has an error, once --warnings error made its warnings
 * errors: for a tool that prints nothing (-q) but must exit as if. */
bool report_doc_fails(const mif_doc *doc);

/* Every diagnostic of doc, in order. */
void report_doc(FILE *out, const char *prog, const char *file,
    const mif_doc *doc);

/*
 * The warnings that say a value may have been read otherwise than its
 * writer meant: that doc, read as ISO 8859-1 for want of a byte-order
 * mark, is valid UTF-8 (mif_doc_encoding_doubt()), and escapes in what
 * looks like a Windows path (MIF_E_READ_AS).  Tools that leave warnings
 * to mif-check still give these: what they print from doc may be
 * misread.
 */
bool report_is_doubt(const mif_doc *doc, const mif_error *diag);
void report_doubts(FILE *out, const char *prog, const char *file,
    const mif_doc *doc);

/* A diagnostic the tool makes itself, about a whole file, or about no
 * file when file is NULL ("PROG: SEVERITY: TEXT [CODE]"). */
void report_say(FILE *out, const char *prog, const char *file,
    mif_severity severity, mif_rule rule, const char *fmt, ...)
    CLI_PRINTF(6, 7);
/* Trouble with a whole file, such as one that cannot be read, in the
 * form mif_parse_path() gives its own: "PROG: FILE: fatal: TEXT [CODE]". */
void report_fatal(FILE *out, const char *prog, const char *file,
    mif_rule rule, const char *fmt, ...) CLI_PRINTF(5, 6);
/* "PROG: fatal: out of memory [out-of-memory]" on standard error. */
void report_out_of_memory(const char *prog);


/* The exit status an error deserves: CLI_TROUBLE when an input could
 * not be read (or is too large) or memory ran out, CLI_INPUT when the
 * input itself is wrong. */
int report_status(const mif_error *err);

/* ---- JSON and SARIF (report_capture.c) ---------------------------------- */

/*
 * From now on standard error goes to a temporary file, so that all that
 * is said on it, by this process and by the workers whose output it
 * relays, in the order it comes, ends in one document; at exit the
 * document is written (report_capture_end() once more does nothing).
 */
void report_capture_start(const char *prog);
/* diag as one line of JSON: an object of the JSON form, or a SARIF
 * result. */
void report_capture_put(FILE *out, const char *file, const mif_error *diag,
    enum report_format format);
/* Write the document on the real standard error, each line not written
 * by report_capture_put() as a diagnostic without a code. */
void report_capture_end(enum report_format format);

#endif /* REPORT_H */
