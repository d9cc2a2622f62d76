/*
 * Reading a text input that is not MIF (a timeline, JSON, a report)
 * whole, as UTF-8 whatever byte-order mark it starts with
 * (mif_text_utf8()), so that what PowerShell writes is read as what
 * every other program writes.
 */
#ifndef TEXT_INPUT_H
#define TEXT_INPUT_H

#include <stddef.h>

#include "mif.h"

/*
 * Read path ("-": standard input) as cli_read_file() does and make it
 * UTF-8.  Returns a malloc'd buffer the caller frees, with *len its
 * length; NULL when it cannot be read (said on standard error as
 * "PROG: FILE: fatal: TEXT"; *err is then MIF_E_IO) or is invalid
 * UTF-16 (said at its line and column; *err MIF_E_ENCODING), so that
 * report_status(err) gives the exit status.
 */
char *cli_read_text(const char *prog, const char *path, size_t *len,
    mif_error *err);

#endif /* TEXT_INPUT_H */
