/*
 * A comparison as a document (mif_diff_write()): the table of class
 * MIFTOOLS|DIFF|1.0 that mif-diff -f mif writes, one row per attribute
 * that changed and one per row removed or added.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meaning/internal.h"
#include "meaning/value.h"

typedef struct builder {
	mif_diff *diff;
	mif_doc *doc;
	const mif_block *table;
	mif_buf text;    /* a value or the key, formatted */
	uint64_t seq;
	bool failed;
} builder;

/* An attribute of the difference template; string ones default to ""
 * so that a row may leave them empty. */
static void
add_attr(builder *b, const mif_block *g, int64_t id, const char *name,
    mif_type_kind type, uint64_t size)
{
	mif_block *a = mif_add_block(b->doc, g, MIF_ATTRIBUTE);
	mif_stmt t = { .form = MIF_F_TYPE, .sub = (uint8_t)type, .v.u = size };

	if (a == NULL || mif_set_string(b->doc, a, MIF_KW_NAME, name) == NULL ||
	    mif_set_number(b->doc, a, MIF_KW_ID, id) == NULL ||
	    mif_set_stmt(b->doc, a, MIF_KW_TYPE, &t) == NULL ||
	    (type == MIF_T_STRING &&
	    mif_set_string(b->doc, a, MIF_KW_VALUE, "") == NULL))
		b->failed = true;
}

static bool
start(builder *b, const char *old_name, const char *new_name)
{
	mif_doc *d = b->doc;
	mif_block *c = mif_add_block(d, NULL, MIF_COMPONENT);
	char text[512];

	if (c == NULL)
		return false;
	snprintf(text, sizeof text, "Differences from %s to %s", old_name,
	    new_name);
	/* built items are written in the order they are added */
	if (mif_set_string(d, c, MIF_KW_NAME, "mif-diff") == NULL ||
	    mif_set_string(d, c, MIF_KW_DESCRIPTION, text) == NULL)
		return false;
	mif_block *g = mif_add_block(d, c, MIF_GROUP);
	mif_stmt key = { .form = MIF_F_INTEGER, .v.u = 1 };
	if (g == NULL || mif_set_string(d, g, MIF_KW_NAME, "Difference") == NULL ||
	    mif_set_string(d, g, MIF_KW_CLASS, MIF_DIFF_CLASS) == NULL ||
	    mif_set_stmt(d, g, MIF_KW_KEY, &key) == NULL)
		return false;
	add_attr(b, g, 1, "Sequence", MIF_T_INTEGER, 0);
	add_attr(b, g, 2, "Change", MIF_T_STRING, 8);
	add_attr(b, g, 3, "Key", MIF_T_STRING, MIF_MAX_TOKEN);
	add_attr(b, g, 4, "Attribute", MIF_T_STRING, MIF_MAX_TOKEN);
	add_attr(b, g, 5, "Old", MIF_T_STRING, MIF_MAX_TOKEN);
	add_attr(b, g, 6, "New", MIF_T_STRING, MIF_MAX_TOKEN);
	mif_block *t = mif_add_block(d, c, MIF_TABLE);
	if (b->failed || t == NULL ||
	    mif_set_string(d, t, MIF_KW_NAME, "Differences") == NULL ||
	    mif_set_number(d, t, MIF_KW_ID, 2) == NULL ||
	    mif_set_string(d, t, MIF_KW_CLASS, MIF_DIFF_CLASS) == NULL)
		return false;
	b->table = t;
	return mif_doc_error_count(d) == 0;
}

/* A cell holding b->text; an empty cell when `present` is false. */
static mif_stmt
cell_text(builder *b, bool present)
{
	mif_stmt c = { .form = MIF_F_NONE };

	if (present && !b->text.nomem) {
		c.form = MIF_F_STRING;
		c.v.str = mif_doc_string(b->doc, b->text.data != NULL
		    ? b->text.data : "", b->text.len);
		if (c.v.str == NULL)
			b->failed = true;
	}
	b->failed = b->failed || b->text.nomem;
	b->text.len = 0;
	return c;
}

/* The value of column c on one side as a cell. */
static mif_stmt
cell_value(builder *b, bool old, size_t row, size_t c)
{
	mif_value v;

	mif_diff_value(b->diff, old, row, c, &v);
	if (v.kind != MIF_V_ABSENT)
		mif_value_put(&b->text, &v, 0);
	return cell_text(b, v.kind != MIF_V_ABSENT);
}

static void
add_row(builder *b, const mif_diff_change *ch, size_t c)
{
	mif_stmt *cells = mif_add_row(b->doc, b->table, 6);
	const char *kind = mif_diff_kind_name(ch->kind);
	mif_value v;

	if (cells == NULL) {
		b->failed = true;
		return;
	}
	cells[0] = (mif_stmt){ .form = MIF_F_INTEGER, .v.u = ++b->seq };
	mif_buf_puts(&b->text, kind);
	cells[1] = cell_text(b, true);
	/* the key values joined by ", ", as the text format shows them */
	for (size_t k = 0; k < mif_diff_key_count(b->diff); k++) {
		mif_buf_puts(&b->text, k > 0 ? ", " : "");
		mif_diff_key_value(b->diff, ch, k, &v);
		if (v.kind != MIF_V_ABSENT)
			mif_value_put(&b->text, &v, 0);
	}
	cells[2] = cell_text(b, true);
	if (c == MIF_NO_COLUMN)
		return;
	const mif_string *name = mif_block_string(mif_diff_attribute(b->diff, c),
	    MIF_KW_NAME);
	if (name != NULL)
		mif_buf_put(&b->text, name->bytes, name->len);
	cells[3] = cell_text(b, true);
	cells[4] = cell_value(b, true, ch->old_row, c);
	cells[5] = cell_value(b, false, ch->new_row, c);
}

mif_doc *
mif_diff_write(mif_diff *diff, const char *old_name, const char *new_name)
{
	builder b = { .diff = diff, .doc = mif_doc_create("<mif-diff>") };
	mif_diff_change ch;

	if (b.doc == NULL || !start(&b, old_name, new_name)) {
		mif_doc_free(b.doc);
		return NULL;
	}
	while (!b.failed && mif_diff_next(diff, &ch)) {
		if (ch.nchanged == 0)
			add_row(&b, &ch, MIF_NO_COLUMN);
		for (size_t i = 0; i < ch.nchanged; i++)
			add_row(&b, &ch, ch.changed[i]);
	}
	free(b.text.data);
	if (b.failed) {
		mif_doc_free(b.doc);
		return NULL;
	}
	return b.doc;
}
