/*
 * What mif-status and mif-expire share: SMS versions, times and IDs from
 * the command line, reading job files, writing the MIFs they make.
 */
#ifndef JOBS_H
#define JOBS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cli.h"
#include "mif.h"

/* The known versions as "1.0, 1.1, 1.2", for help and messages. */
const char *jobs_version_list(char *buf, size_t size);

/* The version named on the command line; a usage error (exit 2) when
 * there is no such version, or a list (VERSION,VERSION) where one is
 * wanted. */
const mif_sms_version *jobs_version(const char *prog, const char *usage,
    const char *text);

/* A time given to option `option` (as mif_time_parse() reads it); a
 * usage error when it is none. */
int64_t jobs_time(const char *prog, const char *usage, const char *option,
    const char *text);

/* A job, workstation or package ID given to `option`: 1 to 8
 * characters, none of them a control character or a blank; a usage
 * error otherwise. */
const char *jobs_id(const char *prog, const char *usage, const char *option,
    const char *text);

/* "PROG: FILE: error: TEXT" on standard error, FILE as
 * cli_display_name() shows path. */
void jobs_error(const char *prog, const char *path, const char *fmt, ...)
    CLI_PRINTF(3, 4);

/* Report what a reader of mif.h found wrong in doc, read from path. */
void jobs_report(const char *prog, const char *path, const mif_doc *doc,
    const mif_error *err);

/* Read a job status table from path ("-": standard input) as input
 * says (cli_load()): parsed, checked, then read into *table.  Returns the document, which the rows'
 * strings point into; NULL after reporting what is wrong, with *status
 * the exit status that deserves (CLI_TROUBLE or CLI_INPUT). */
mif_doc *jobs_load_table(const char *prog, const char *path,
    const mif_parse_options *input, mif_sms_table *table, int *status);

/* Read a status MIF as input says: parsed and checked with the status
 * profile, whose errors and warnings (the despooler's) are reported, and
 * report_doubts()'s; the DMI checks' warnings are left to
 * mif-check.  Returns the document; NULL after reporting, with *status
 * as jobs_load_table() sets it. */
mif_doc *jobs_load_status_mif(const char *prog, const char *path,
    const mif_parse_options *input, mif_sms_instruction *ins,
    const char **description, int *status);

/*
 * The document as canonical MIF in a malloc'd buffer: ISO 8859-1, or,
 * when `ansi_only` is false and a text needs characters beyond it,
 * UTF-8 with a byte-order mark.  NULL after reporting (naming the output
 * `what`).
 */
char *jobs_render(const char *prog, const char *what, mif_doc *doc,
    bool ansi_only, size_t *len);

/* Write the document on standard output as jobs_render() makes it;
 * false after reporting. */
bool jobs_print(const char *prog, mif_doc *doc);

#endif /* JOBS_H */
