/*
 * The NOIDMIF profile: inventory that the SMS client attaches to itself
 * (SCCM documentation, Q202078, Q198766).  SMS reads it only as ANSI
 * text, refuses files over its size limit (since SMS 2.0: 100 KB there,
 * 250 KB later, unless set otherwise, 1 to 5120 KB), wants dates quoted, and keeps one instance of a class
 * without a key, so a class with several instances needs a KEY.
 *
 * The size limit and the key rule hold for IDMIFs too: they live here
 * and profile_idmif.c calls them.
 */
#include <stdio.h>

#include "meaning/profile.h"

void
check_size_limit(check_ctx *c, unsigned max_size_kb)
{
	uint64_t limit = (uint64_t)max_size_kb * 1024;
	size_t size = mif_doc_input_size(c->doc);

	if (max_size_kb == 0 || size <= limit)
		return;
	check_report_rule(c, MIF_RULE_SIZE_LIMIT, MIF_ERROR, MIF_NOPOS, MIF_NOPOS,
	    "the file has %zu bytes, over the size limit of %u KB (%llu bytes)",
	    size, max_size_kb, (unsigned long long)limit);
}

/* Set callback: a group whose class is the key, ASCII case ignored. */
static bool
has_class(const void *item, const void *key, const void *arg)
{
	(void)arg;
	return check_same_folded(mif_block_string(item, MIF_KW_CLASS), key);
}

static bool
has_key(const mif_block *group)
{
	return mif_block_stmt(group, MIF_KW_KEY) != NULL;
}

void
check_class_instance(check_ctx *c, check_set *seen, const mif_block *group)
{
	char name[CHECK_QUOTE_MAX];
	const mif_stmt *s = mif_block_stmt(group, MIF_KW_CLASS);
	bool nomem = false;

	if (s == NULL || s->form != MIF_F_STRING)
		return;
	const mif_block *first = check_set_add(seen, check_hash_folded(s->v.str),
	    s->v.str, group, has_class, NULL, &nomem);
	if (nomem) {
		check_nomem(c);
		return;
	}
	if (first == NULL || (has_key(first) && has_key(group)))
		return;
	const mif_stmt *fs = mif_block_stmt(first, MIF_KW_CLASS);
	check_report_rule(c, MIF_RULE_CLASS_INSTANCES, MIF_ERROR, s->pos, fs->pos,
	    "group %s is another instance of its class (first at line %u), and "
	    "%s no KEY: SMS keeps only one instance of a class without a key",
	    check_block_name(c, name, sizeof name, group),
	    check_line(c, fs->pos), has_key(group) ? "the first has" : "it has");
}

static bool
is_date(const mif_block *attr)
{
	const mif_stmt *t = mif_block_stmt(attr, MIF_KW_TYPE);

	return t != NULL && t->form == MIF_F_TYPE && t->sub == MIF_T_DATE;
}

/*
 * A DATE value must be a string literal: an error for UNKNOWN,
 * UNSUPPORTED or an overlay.  A number has had its error from the DMI
 * checks (a number where the type wants a string).
 */
static void
check_date_form(check_ctx *c, const mif_block *attr, const mif_stmt *v)
{
	static const char *const forms[] = {
		[MIF_F_OVERLAY] = "an overlay",
		[MIF_F_UNKNOWN] = "UNKNOWN",
		[MIF_F_UNSUPPORTED] = "UNSUPPORTED",
	};
	char name[CHECK_QUOTE_MAX];

	if (v == NULL || v->form >= sizeof forms / sizeof forms[0] ||
	    forms[v->form] == NULL)
		return;
	check_report_rule(c, MIF_RULE_DATE_UNQUOTED, MIF_ERROR, v->pos, MIF_NOPOS,
	    "value of DATE attribute %s is %s, not a quoted date: SMS "
	    "reads dates only from strings",
	    check_block_name(c, name, sizeof name, attr), forms[v->form]);
}

static void
check_group_dates(check_ctx *c, const mif_block *group)
{
	for (const mif_block *b = group->u.children; b != NULL && !c->stop;
	    b = b->next)
		if (b->kind == MIF_ATTRIBUTE && is_date(b))
			check_date_form(c, b, mif_block_stmt(b, MIF_KW_VALUE));
}

/* The cells of a table's DATE columns.  An empty position takes the
 * template's VALUE, which check_group_dates() has looked at already. */
static void
check_table_dates(check_ctx *c, const mif_block *table)
{
	mif_error err;
	mif_rows *rows = mif_rows_open(c->doc, table, &err);

	if (rows == NULL) {
		if (err.code == MIF_E_NOMEM)
			check_nomem(c);
		return; /* no template: the DMI checks said so */
	}
	for (size_t col = 0; col < mif_rows_columns(rows) && !c->stop; col++) {
		const mif_attr_type *type = mif_rows_column_type(rows, col);
		if (type == NULL || type->kind != MIF_T_DATE)
			continue;
		for (size_t i = 0; i < mif_rows_count(rows) && !c->stop; i++) {
			const mif_row *row = mif_rows_row(rows, i);
			if (row != NULL && col < row->ncells)
				check_date_form(c, mif_rows_column(rows, col),
				    &row->cells[col]);
		}
	}
	mif_rows_free(rows);
}

/* The groups and tables in file order: each group's class, then the
 * dates of each. */
static void
check_groups(check_ctx *c)
{
	check_set seen = { 0 };

	for (const mif_block *b = c->component->u.children;
	    b != NULL && !c->stop; b = b->next) {
		if (b->kind == MIF_GROUP) {
			check_class_instance(c, &seen, b);
			check_group_dates(c, b);
		} else if (b->kind == MIF_TABLE) {
			check_table_dates(c, b);
		}
	}
	check_set_free(&seen);
}

void
check_noidmif_rules(check_ctx *c, unsigned max_size_kb)
{
	check_ansi_text(c);
	check_size_limit(c, max_size_kb);
	if (c->component != NULL)
		check_groups(c);
}
