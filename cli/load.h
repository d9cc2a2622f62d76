/*
 * Reading an input MIF that a tool needs whole and valid: parse it,
 * check it, and report what is wrong, in one call.
 */
#ifndef LOAD_H
#define LOAD_H

#include "mif.h"

/*
 * Parse path ("-": standard input) with the options of input (its
 * source name aside; NULL: the defaults) and run mif_check() on it.
 * Errors are reported on standard error as PROG: FILE:LINE:COL
 * (warnings are left to mif-check, but for report_doubts()'s).
 * On success returns the document (the caller frees it); when it
 * cannot be read or has errors, returns NULL with *status set to the
 * exit status that deserves (CLI_TROUBLE: unreadable; CLI_INPUT: errors).
 */
mif_doc *cli_load(const char *prog, const char *path,
    const mif_parse_options *input, int *status);

/*
 * cli_load() in two steps, so that several inputs can be read at once
 * (each in its own thread) and their diagnostics still printed one
 * input after the other: cli_load_read() parses and checks, printing
 * nothing and touching nothing but *l; cli_load_report() then prints
 * what cli_load() prints and returns what it returns.  A read that is
 * not reported is dropped with mif_doc_free(l->doc).
 */
typedef struct cli_loaded {
	mif_doc *doc;    /* NULL: unreadable, err says why */
	mif_error err;
} cli_loaded;

void cli_load_read(const char *path, const mif_parse_options *input,
    cli_loaded *l);
mif_doc *cli_load_report(const char *prog, const char *path, cli_loaded *l,
    int *status);

#endif /* LOAD_H */
