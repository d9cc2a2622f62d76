/*
 * Between the XML and JSON writers and readers (xml_write.c, xml_read.c,
 * json_write.c, json_read.c): the words both formats spell alike, and
 * the builder that turns what a reader finds, in file order, into a
 * tree.  The builder applies the rules of the MIF parser (which block
 * holds which statement, each statement once, value shapes, limits), so
 * that a tree it accepts, written as MIF, reads back as the same tree.
 * Internal to libmif.
 */
#ifndef MIF_CONVERT_H
#define MIF_CONVERT_H

#include "forms/internal.h"

/* ---- words ------------------------------------------------------------- */

/* "latin1", "utf-8", "utf-16le", "utf-16be"; "lf", "crlf". */
const char *mif_conv_encoding_name(mif_encoding encoding);
bool mif_conv_encoding_parse(const char *word, mif_encoding *encoding);
const char *mif_conv_newline_name(mif_newline newline);
bool mif_conv_newline_parse(const char *word, mif_newline *newline);

/* "decimal", "octal", "hex" for the MIF_RADIX_* bits of flags. */
const char *mif_conv_radix_name(unsigned flags);
bool mif_conv_radix_parse(const char *word, uint8_t *radix);

/* A statement's element or key name: "name", "id", ..., and for
 * platform statements "dos", "win32", ... */
const char *mif_conv_stmt_word(mif_keyword kw, unsigned platform);
/* The reverse; false for a word that names no statement. */
bool mif_conv_stmt_parse(const char *word, mif_keyword *kw,
    unsigned *platform);

/* Type words as MIF writes them (INTEGER, INT, STRING, ...), for every
 * type but the enums; exact upper case. */
bool mif_conv_type_parse(const char *word, size_t len, mif_type_kind *type);
bool mif_conv_access_parse(const char *word, mif_access *access);
bool mif_conv_storage_parse(const char *word, mif_storage *storage);

/* A decimal integer "-?[0-9]+" of up to 64 bits of magnitude (radix
 * flags left decimal); false when malformed or too large. */
bool mif_conv_number_parse(const char *text, size_t len, mif_number *number);
/* Its decimal text, "-" for negatives ("-0" included); buf holds 22. */
void mif_conv_number_text(char buf[22], uint64_t mag, unsigned flags);

/* ---- writing into memory ----------------------------------------------- */

/* What mif_write_xml() and mif_write_json() share: write through `to`
 * into a malloc'd buffer, NUL-terminated, *len bytes before the NUL. */
int mif_write_memory(const mif_doc *doc,
    int (*to)(const mif_doc *, mif_put_fn *, void *, mif_error *),
    char **out, size_t *len, mif_error *err);

/* ---- input ------------------------------------------------------------- */

/* The bytes of an input that a reader takes: malloc'd (cap bytes, two
 * of them spare past len), or a read-only mapping of a big regular file
 * (mapped; cap == len). */
typedef struct mif_conv_input {
	char *bytes;
	size_t len, cap;
	bool mapped;
} mif_conv_input;

/* Read fp to its end, or map it; false with *err (too large, a read
 * error, no memory). */
bool mif_conv_input_read(FILE *fp, const char *name, mif_conv_input *in,
    mif_error *err);
/* Free or unmap it; one with no bytes is allowed. */
void mif_conv_input_free(mif_conv_input *in);

/* Give back to the system the pages of a mapping (base, page-aligned)
 * from *done up to upto, once they are a megabyte or `last`: read, they
 * are no longer needed in memory (a message that quotes a line reads
 * its page again from the file). */
void mif_conv_drop_pages(const char *base, size_t *done, size_t upto,
    bool last);

/* ---- building a tree in file order --------------------------------------- */

/* One open block. */
typedef struct mif_conv_level {
	mif_block *block;
	mif_stmt *stmts;
	size_t nstmts, stmts_cap;
	mif_enum_item *items;
	size_t nitems, items_cap;
	mif_block *last_child;
	mif_row *last_row;
	unsigned seen;          /* statements given, as bits */
	size_t inline_type;     /* an inline enum: its TYPE in the level below */
} mif_conv_level;

/* Component, group, attribute, inline enum. */
#define MIF_CONV_DEPTH 4

typedef struct mif_conv {
	mif_doc *doc;
	uint32_t last_pos;
	bool any_pos;
	mif_conv_level level[MIF_CONV_DEPTH];
	int depth;
	bool in_row;
	uint32_t row_pos;
	mif_stmt *cells;
	size_t ncells, cells_cap;
	bool nomem;
	char why[200];          /* why the last call refused */
} mif_conv;

void mif_conv_init(mif_conv *conv, mif_doc *doc);
/* Release the scratch memory; the tree stays with the document. */
void mif_conv_free(mif_conv *conv);

/*
 * Each call below adds the next thing of the file.  `at` is the least
 * pos it may take (a reader passes the offset of the line it found the
 * thing on, or 0); every thing gets a pos above the one before, so that
 * the tree's order is the order of the calls.  They return false when
 * the thing cannot stand there, with the reason in conv->why, or when
 * memory ran out (conv->nomem).
 */
bool mif_conv_comment(mif_conv *conv, const char *text, size_t len,
    bool same_line, uint32_t at);
/* START kind.  MIF_ENUM inside an attribute is TYPE = START ENUM. */
bool mif_conv_open(mif_conv *conv, mif_block_kind kind, uint32_t at);
/* END of the innermost open block. */
bool mif_conv_close(mif_conv *conv, uint32_t at);
/* A statement of the innermost block; value gives sub, form, flags and
 * v (strings and key lists belonging to the document). */
bool mif_conv_stmt(mif_conv *conv, mif_keyword kw, const mif_stmt *value,
    uint32_t at);
bool mif_conv_item(mif_conv *conv, mif_number value, const mif_string *symbol,
    uint32_t at);
bool mif_conv_row_begin(mif_conv *conv, uint32_t at);
/* A cell: form MIF_F_NONE for an empty position. */
bool mif_conv_cell(mif_conv *conv, const mif_stmt *cell, uint32_t at);
bool mif_conv_row_end(mif_conv *conv, uint32_t at);
/* After the last call: false unless one component was built and closed. */
bool mif_conv_finish(mif_conv *conv);

#endif /* MIF_CONVERT_H */
