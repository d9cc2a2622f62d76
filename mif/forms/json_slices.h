/*
 * JSON parsed a value at a time (json_slices.c), so that the JSON
 * reader holds one block's values, not the document's: the big arrays
 * of an object are left out when it is parsed, and each element is
 * parsed from its place in the text when its turn comes.  Internal to
 * libmif.
 */
#ifndef MIF_JSON_SLICES_H
#define MIF_JSON_SLICES_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

/* The scanner under both this and json_place.c: it follows strings and
 * brackets only.  Past the blanks from i (end when none follow); past
 * the string or the value at *i, false when it does not end by `end` or
 * nests deeper than jansson would take. */
size_t mif_json_skip_blanks(const char *t, size_t i, size_t end);
bool mif_json_skip_string(const char *t, size_t *i, size_t end);
bool mif_json_skip_value(const char *t, size_t *i, size_t end);

/* Where a value stands in the text: bytes [start, end). */
typedef struct mif_json_slice {
	size_t start, end;
} mif_json_slice;

/* An array left out: the empty array standing in its place, and where
 * its elements are. */
typedef struct mif_json_lazy {
	json_t *array;
	const char *key;
	mif_json_slice *elems;
	size_t n;
} mif_json_lazy;

typedef struct mif_json_lazies {
	mif_json_lazy *v;
	size_t n, cap;
	bool nomem;
} mif_json_lazies;

/*
 * Parse the value at s of text as json_loadb() does with flags, except
 * that when it is an object, the array of each member named in keys
 * (NULL-terminated) is left empty and the places of its elements are
 * appended to *lazies, unless it is short (a few kilobytes).  NULL when it does not parse, when the scanner
 * that finds the places cannot follow the text (it checks nothing that
 * jansson checks, so the caller then parses the whole text at once to
 * say what is wrong), or when memory ran out (lazies->nomem).
 */
json_t *mif_json_load_slice(const char *text, mif_json_slice s,
    const char *const *keys, size_t flags, mif_json_lazies *lazies);

/*
 * Whether the value at s of text parses as json_loadb() would parse it
 * whole, told without holding it whole: parsed as mif_json_load_slice()
 * does, then each element of each array left out, in turn, and dropped.
 * False too when memory ran out (lazies->nomem).
 */
bool mif_json_slices_parse(const char *text, mif_json_slice s,
    const char *const *keys, size_t flags, mif_json_lazies *lazies);

/* The array's entry in lazies, or NULL when it was not left out. */
const mif_json_lazy *mif_json_lazy_find(const mif_json_lazies *lazies,
    const json_t *array);

/* Forget the entries from index `from` on (those of a value done with). */
void mif_json_lazies_drop(mif_json_lazies *lazies, size_t from);

#endif /* MIF_JSON_SLICES_H */
