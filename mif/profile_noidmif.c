/*
 * The NOIDMIF profile: inventory that the SMS client attaches to itself
 * (SCCM documentation, Q202078, Q198766).  SMS reads it only as ANSI
 * text, refuses files over its size limit (250 KB unless set otherwise,
 * 1 to 5120 KB), wants dates quoted, and keeps one instance of a class
 * without a key, so a class with several instances needs a KEY.
 *
 * The size limit and the key rule hold for IDMIFs too: they live here
 * and profile_idmif.c calls them.
 */
#include <stdint.h>
#include <stdio.h>

#include "profile.h"

void
check_size_limit(check_ctx *c, unsigned max_size_kb)
{
	uint64_t limit = (uint64_t)max_size_kb * 1024;
	size_t size = mif_doc_input_size(c->doc);

	if (size <= limit)
		return;
	check_report(c, MIF_E_PROFILE, MIF_ERROR, MIF_NOPOS, MIF_NOPOS,
	    "the file has %zu bytes, over the size limit of %u KB (%llu bytes)",
	    size, max_size_kb, (unsigned long long)limit);
}

/* The length of the UTF-8 sequence that byte b leads; 0 for a byte that
 * leads none (ASCII, a continuation byte, an overlong or too high lead). */
static unsigned
utf8_lead_length(unsigned b)
{
	return b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3
	    : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
}

/* Whether b may follow the lead byte `lead` as its first continuation:
 * not overlong, no surrogate, not beyond U+10FFFF. */
static bool
utf8_second_fits(unsigned lead, unsigned b)
{
	unsigned lo = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
	unsigned hi = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;

	return b >= lo && b <= hi;
}

/*
 * Where a file read as ISO 8859-1 shows that it is UTF-8 text without a
 * byte-order mark: the offset in the text of its first non-ASCII
 * character, when every non-ASCII byte of the file belongs to a valid
 * UTF-8 sequence; SIZE_MAX otherwise.  Text in ISO 8859-1 rarely reads
 * so, for a letter like e-acute stands alone and a lone high byte is no
 * UTF-8.  The scanner's text holds each byte of such a file as one
 * character (U+0000 to U+00FF), so the bytes are its code points.
 */
static size_t
utf8_without_bom(const mif_doc *doc)
{
	const unsigned char *t = (const unsigned char *)doc->text;
	size_t first = SIZE_MAX;
	unsigned lead = 0, need = 0, seen = 0;

	if (doc->encoding != MIF_ENC_LATIN1 || !doc->transcoded)
		return SIZE_MAX;
	for (size_t i = 0; i < doc->text_len;) {
		uint32_t b;
		size_t n = mif_utf8_get(t + i, doc->text_len - i, &b);
		if (n == 0 || b > 0xFF)
			return SIZE_MAX;
		if (b >= 0x80 && first == SIZE_MAX)
			first = i;
		i += n;
		if (need == 0) {
			if (b < 0x80)
				continue;
			if ((need = utf8_lead_length(b)) == 0)
				return SIZE_MAX;
			lead = b;
			seen = 1;
			need--;
			continue;
		}
		if (b < 0x80 || b > 0xBF ||
		    (seen == 1 && !utf8_second_fits(lead, b)))
			return SIZE_MAX;
		seen++;
		need--;
	}
	return need == 0 ? first : SIZE_MAX;
}

static void
check_ansi(check_ctx *c)
{
	static const char *const names[] = {
		[MIF_ENC_UTF8] = "UTF-8",
		[MIF_ENC_UTF16LE] = "UTF-16LE",
		[MIF_ENC_UTF16BE] = "UTF-16BE",
	};
	mif_encoding enc = mif_doc_encoding(c->doc);

	if (enc == MIF_ENC_LATIN1) {
		size_t at = utf8_without_bom(c->doc);
		if (at != SIZE_MAX)
			check_report(c, MIF_E_PROFILE, MIF_WARNING, (uint32_t)at,
			    MIF_NOPOS, "the file reads as UTF-8 without a "
			    "byte-order mark; SMS reads a NOIDMIF as ANSI text, "
			    "so this character and those like it would come out "
			    "garbled");
		return;
	}
	if (enc >= sizeof names / sizeof names[0])
		return;
	check_report(c, MIF_E_PROFILE, MIF_ERROR, MIF_NOPOS, MIF_NOPOS,
	    "the file is %s (it starts with a byte-order mark); SMS reads a "
	    "NOIDMIF only as ANSI text", names[enc]);
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
	check_report(c, MIF_E_PROFILE, MIF_ERROR, s->pos, fs->pos,
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
	check_report(c, MIF_E_PROFILE, MIF_ERROR, v->pos, MIF_NOPOS,
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
	check_ansi(c);
	check_size_limit(c, max_size_kb);
	if (c->component != NULL)
		check_groups(c);
}
