/*
 * Typed values inside libmif: what value.c shares with the rows view
 * (rows.c) and the lookups (lookup.c).  Internal to libmif.
 */
#ifndef MIF_VALUE_H
#define MIF_VALUE_H

#include "meaning/internal.h"
#include "lang/writer.h"

/*
 * An enum's items sorted by symbol (the interned pointer) and by number,
 * the first in file order ahead among equals, for enums too big to scan
 * for every cell of a large table.  Zero it to start.
 */
typedef struct value_enum_index {
	const mif_enum_item **by_symbol;
	const mif_enum_item **by_number;
	size_t count;
} value_enum_index;

/* Enums with more items than this get an index in a rows view. */
#define VALUE_ENUM_SCAN_MAX 8

/* False when out of memory. */
bool mif_enum_index_build(const mif_block *enm, value_enum_index *idx);
void mif_enum_index_free(value_enum_index *idx);

/* mif_value_of(), with an index of type->enm (NULL: scan its items). */
bool mif_value_of_indexed(const mif_doc *doc, const mif_attr_type *type,
    const value_enum_index *idx, const mif_stmt *stmt, mif_value *value,
    mif_error *err);

/* The value of a statement as written, whatever the type: a number as
 * MIF_V_SIGNED or MIF_V_UNSIGNED, a string as MIF_V_STRING. */
void mif_value_as_written(const mif_stmt *stmt, mif_value *value);

/* Fill *err (if not NULL) with an error at pos of doc (MIF_NOPOS, or a
 * built statement past the text: no place), as mif_error_vat() does. */
void mif_value_error(mif_error *err, const mif_doc *doc, uint32_t pos,
    mif_code code, const char *fmt, ...) MIF_PRINTF(5, 6);

/* A block's name for messages: `"Name"`, or `at line N`. */
const char *mif_value_block_name(const mif_doc *doc, char *buf, size_t size,
    const mif_block *block);

/* Whether text (NUL-terminated) is one or more decimal digits that fit
 * 64 bits; *out receives the number (lookup.c: a spec that is an ID). */
bool mif_decimal_id(const char *text, uint64_t *out);

/* A value appended to buf as mif_value_format() writes it with flags
 * (buf->nomem when memory runs out). */
void mif_value_put(mif_buf *buf, const mif_value *value, unsigned flags);

#endif /* MIF_VALUE_H */
