/* Writing JSON text for scripts: strings escaped by the library's rule
 * (mif_json_print()). */
#ifndef JSONW_H
#define JSONW_H

#include <stddef.h>
#include <stdio.h>

#include "mif.h"

/* A JSON string literal of len bytes of UTF-8 (NUL included as \u0000). */
void json_string(FILE *out, const char *s, size_t len);
/* The same for a NUL-terminated string; NULL gives null. */
void json_cstring(FILE *out, const char *s);

/*
 * A value typed as miftools(7), OUTPUT, states: integers (and an enum
 * value without a symbol) as JSON numbers, absent as null, anything
 * else as the string mif_value_format() writes raw.
 */
void json_value(FILE *out, const mif_value *v);

#endif /* JSONW_H */
