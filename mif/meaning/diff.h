/*
 * What the comparison of whole documents (diff_whole*.c) shares with
 * the comparison of one table (diff.c, diff_report.c).  Internal to
 * libmif.
 */
#ifndef MIF_DIFF_H
#define MIF_DIFF_H

#include <stdio.h>

#include "meaning/internal.h"

#define diff_new_pair mif_diff_new_pair
#define diff_rows_write mif_diff_rows_write
#define diff_where_write mif_diff_where_write
#define diff_group_write mif_diff_group_write
#define diff_group_is_class mif_diff_group_is_class
#define diff_add_same mif_diff_add_same

/*
 * The comparison of two views without a key, whose first rows are
 * partners: a scalar group against the other document's.
 */
mif_diff *diff_new_pair(const mif_rows *old, const mif_rows *new_rows,
    mif_error *err);

/*
 * Whether a group stands for its whole class in the comparison of
 * documents: a keyed group or a template, with a CLASS.  Any other group
 * is compared alone, attribute by attribute.
 */
bool diff_group_is_class(const mif_block *group);

/*
 * Where the rows of a report stand, in a report of several groups: the
 * group (its NAME and CLASS), and its ID when it is compared alone.
 * Such a report gives the key values in one TSV field, joined by ", ",
 * since the groups have keys of their own.
 */
typedef struct diff_where {
	const mif_block *group;
	bool has_id;
	uint64_t id;
} diff_where;

/*
 * The place in format: text "Name (CLASS)", or "Name (ID n)" without a
 * class, escaped; TSV the fields class, ID and name, escaped, empty
 * where there is none; JSON the members "group", "class" and "id", null
 * where there is none.  False when memory runs out (JSON).
 */
bool diff_where_write(FILE *out, const diff_where *where,
    mif_diff_format format);

/*
 * The rows of a comparison (mif_diff_next() until it returns false)
 * written to out as mif_diff_report_write() writes them, without what
 * comes before and after them; in JSON the row objects, each after a
 * comma but the very first (*first says whether none was written yet).
 * where is NULL in the report of one table.  False when memory runs out
 * or out has a write error.
 */
bool diff_rows_write(FILE *out, mif_diff *diff, mif_diff_format format,
    const diff_where *where, unsigned flags, bool *first);

/*
 * A group only in one side (kind MIF_DIFF_REMOVED or MIF_DIFF_ADDED) as
 * one line of a report of several groups, or one JSON object after a
 * comma unless *first; flags as for mif_diff_report_write().  False
 * when memory runs out or out has a write error.
 */
bool diff_group_write(FILE *out, const diff_where *where, mif_diff_kind kind,
    mif_diff_format format, unsigned flags, bool *first);

/* Count n more rows the same, found so before the comparison
 * (diff_digest.c). */
void diff_add_same(mif_diff *diff, size_t n);

#endif /* MIF_DIFF_H */
