/*
 * What the comparison of tables (diff.c) asks of a view's key index
 * beyond mif_rows_find(): what opening the view learnt of repeated and
 * absent keys, and lookups in batches, whose cache misses overlap.
 * Internal to libmif.
 */
#ifndef MIF_ROWS_H
#define MIF_ROWS_H

#include "meaning/internal.h"

#define rows_repeat mif_rows_repeat
#define rows_absent_key mif_rows_absent_key
#define rows_keys_hash mif_rows_keys_hash
#define rows_prefetch mif_rows_prefetch
#define rows_find_hashed mif_rows_find_hashed
#define rows_open_template mif_rows_open_template
#define rows_all_typed mif_rows_all_typed
#define rows_row_key_hash mif_rows_row_key_hash
#define rows_tables mif_rows_tables

/*
 * The first row (in view order) whose key values are those of an
 * earlier row, with that earlier row in *first; MIF_NO_ROW when every
 * key is its own or the view has no KEY.  Rows with an absent key value
 * take no part.
 */
size_t rows_repeat(const mif_rows *r, size_t *first);

/* The first row with an absent key value, or MIF_NO_ROW. */
size_t rows_absent_key(const mif_rows *r);

/*
 * mif_rows_find() in two steps: the hash of key values (false when one
 * is absent: no row has them), then the row.  Between them
 * rows_prefetch() asks for the memory the lookup will read first, so
 * that a caller that hashes several keys before looking them up waits
 * for one cache miss instead of one per key.
 */
bool rows_keys_hash(const mif_rows *r, const mif_value *keys, uint64_t *hash);
void rows_prefetch(const mif_rows *r, uint64_t hash);
size_t rows_find_hashed(const mif_rows *r, const mif_value *keys,
    uint64_t hash);

/*
 * A view of a template's columns and KEY, without rows, for rows read
 * one at a time (mif/meaning/diff_digest.c): rows_row_key_hash() gives
 * the hash of a row's key values that mif_rows_find() looks up (false
 * when one is absent).  NULL when out of memory.
 */
mif_rows *rows_open_template(const mif_doc *doc, const mif_block *group);
bool rows_row_key_hash(mif_rows *r, const mif_row *row, uint64_t *hash);
/* Whether every column has a type that holds. */
bool rows_all_typed(const mif_rows *r);
/* The tables whose rows the view gives, in order; *n receives how many. */
const mif_block *rows_tables(const mif_rows *r, size_t i, size_t *n);

#endif /* MIF_ROWS_H */
