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

/* One diagnostic; doc (may be NULL) gives the source line. */
void report_diag(FILE *out, const char *prog, const char *file,
    const mif_doc *doc, const mif_error *diag);

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

/* Trouble with a whole file, such as one that cannot be read, in the
 * form mif_parse_path() gives its own: "PROG: FILE: fatal: TEXT". */
void report_fatal(FILE *out, const char *prog, const char *file,
    const char *fmt, ...) CLI_PRINTF(4, 5);


/* The exit status an error deserves: CLI_TROUBLE when an input could
 * not be read (or is too large) or memory ran out, CLI_INPUT when the
 * input itself is wrong. */
int report_status(const mif_error *err);

#endif /* REPORT_H */
