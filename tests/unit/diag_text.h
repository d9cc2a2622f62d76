/* Test helper: a document's diagnostics as text, one per line. */
#ifndef DIAG_TEXT_H
#define DIAG_TEXT_H

#include <stddef.h>

#include "mif.h"

/* "LINE:COL: severity: text\n" per diagnostic, into buf. */
const char *diag_text(const mif_doc *doc, char *buf, size_t len);

/* Parse a NUL-terminated text (named "t.mif"); never NULL. */
mif_doc *parse_text(const char *text);

#endif
