/*
 * A comparison written for people (text) and for scripts (TSV, JSON),
 * row by row as mif_diff_next() returns them, so that nothing is kept
 * but the row at hand (mif-diff(1), -f).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meaning/internal.h"
#include "meaning/diff.h"
#include "meaning/value.h"

/* One report being written. */
typedef struct job {
	FILE *out;
	mif_diff *diff;
	bool colour;    /* text lines in their colours (MIF_DIFF_COLOUR) */
	const diff_where *where;  /* NULL: the report of one table */
	mif_buf text;   /* a value for JSON, formatted */
} job;

/* An attribute's name, whole (a NUL may be part of it). */
static mif_value
attr_name(const job *j, size_t c)
{
	const mif_string *n = mif_block_string(mif_diff_attribute(j->diff, c),
	    MIF_KW_NAME);
	return (mif_value){ .kind = MIF_V_STRING, .str = n != NULL ? n->bytes : "",
	    .len = n != NULL ? n->len : 0 };
}

/* ---- text and TSV: values escaped, so that a tab or newline in one
 * cannot split the line ---- */

static void
print_attr_name(const job *j, size_t c)
{
	mif_value v = attr_name(j, c);

	mif_value_print(&v, MIF_FORMAT_ESCAPE, j->out);
}

/* A value, or `none` when it is absent. */
static void
print_value(const job *j, const mif_value *v, const char *none)
{
	if (v->kind == MIF_V_ABSENT)
		fputs(none, j->out);
	else
		mif_value_print(v, MIF_FORMAT_ESCAPE, j->out);
}

static void
print_column(const job *j, bool old, size_t row, size_t c, const char *none)
{
	mif_value v;

	mif_diff_value(j->diff, old, row, c, &v);
	print_value(j, &v, none);
}

static void
print_key(const job *j, const mif_diff_change *ch, size_t k, const char *none)
{
	mif_value v;

	mif_diff_key_value(j->diff, ch, k, &v);
	print_value(j, &v, none);
}

/* A text line's mark, in its colour for a terminal; text_end() ends
 * the line. */
static void
text_start(const job *j, mif_diff_kind kind)
{
	static const char mark[] = { '=', '-', '+', '~' };
	/* ANSI colours: removed red, added green, changed yellow */
	static const char *const colour[] = { NULL, "\033[31m", "\033[32m",
	    "\033[33m" };

	if (j->colour && colour[kind] != NULL)
		fputs(colour[kind], j->out);
	fprintf(j->out, "%c ", mark[kind]);
}

static void
text_end(const job *j, mif_diff_kind kind)
{
	if (j->colour && kind != MIF_DIFF_SAME)
		fputs("\033[0m", j->out);
	putc('\n', j->out);
}

static void
text_change(const job *j, const mif_diff_change *ch)
{
	text_start(j, ch->kind);
	if (j->where != NULL)
		diff_where_write(j->out, j->where, MIF_DIFF_TEXT);
	for (size_t k = 0; k < mif_diff_key_count(j->diff); k++) {
		fputs(k > 0 ? ", " : j->where != NULL ? " " : "", j->out);
		print_key(j, ch, k, "(none)");
	}
	if (ch->kind == MIF_DIFF_REMOVED)
		fputs(": only in old", j->out);
	else if (ch->kind == MIF_DIFF_ADDED)
		fputs(": only in new", j->out);
	for (size_t i = 0; i < ch->nchanged; i++) {
		size_t c = ch->changed[i];
		fputs(i == 0 ? ": " : "; ", j->out);
		print_attr_name(j, c);
		fputs(": ", j->out);
		print_column(j, true, ch->old_row, c, "(none)");
		fputs(" -> ", j->out);
		print_column(j, false, ch->new_row, c, "(none)");
	}
	text_end(j, ch->kind);
}

static void
tsv_header(const job *j)
{
	fputs("change", j->out);
	for (size_t k = 0; k < mif_diff_key_count(j->diff); k++) {
		putc('\t', j->out);
		print_attr_name(j, mif_diff_key_column(j->diff, k));
	}
	fputs("\tattribute\told\tnew\n", j->out);
}

/* One line: the row, and attribute c that changed (MIF_NO_COLUMN: none). */
static void
tsv_line(const job *j, const mif_diff_change *ch, size_t c)
{
	fputs(mif_diff_kind_name(ch->kind), j->out);
	if (j->where != NULL) {
		putc('\t', j->out);
		diff_where_write(j->out, j->where, MIF_DIFF_TSV);
		putc('\t', j->out);
	}
	for (size_t k = 0; k < mif_diff_key_count(j->diff); k++) {
		/* several groups: the key in one field, as their keys differ */
		fputs(j->where == NULL ? "\t" : k > 0 ? ", " : "", j->out);
		print_key(j, ch, k, "");
	}
	if (c == MIF_NO_COLUMN) {
		fputs("\t\t\t\n", j->out);
		return;
	}
	putc('\t', j->out);
	print_attr_name(j, c);
	putc('\t', j->out);
	print_column(j, true, ch->old_row, c, "");
	putc('\t', j->out);
	print_column(j, false, ch->new_row, c, "");
	putc('\n', j->out);
}

static void
tsv_change(const job *j, const mif_diff_change *ch)
{
	if (ch->nchanged == 0)
		tsv_line(j, ch, MIF_NO_COLUMN);
	for (size_t i = 0; i < ch->nchanged; i++)
		tsv_line(j, ch, ch->changed[i]);
}

/* ---- JSON: values as written, in JSON strings ---- */

static void
json_text(const job *j, const char *s, size_t len)
{
	mif_json_print(s, len, j->out);
}

/* A value typed as miftools(7), OUTPUT, states. */
static void
json_value(job *j, const mif_value *v)
{
	if (!mif_value_json_print(v, j->out) && !ferror(j->out))
		j->text.nomem = true;
}

static void
json_column(job *j, bool old, size_t row, size_t c)
{
	mif_value v;

	mif_diff_value(j->diff, old, row, c, &v);
	json_value(j, &v);
}

static void
json_attr_name(const job *j, size_t c)
{
	mif_value v = attr_name(j, c);

	json_text(j, v.str, v.len);
}

static void
json_start(const job *j, const char *old_name, const char *new_name)
{
	fputs("{\"old\":", j->out);
	json_text(j, old_name, strlen(old_name));
	fputs(",\"new\":", j->out);
	json_text(j, new_name, strlen(new_name));
	fputs(",\"key\":[", j->out);
	for (size_t k = 0; k < mif_diff_key_count(j->diff); k++) {
		if (k > 0)
			putc(',', j->out);
		json_attr_name(j, mif_diff_key_column(j->diff, k));
	}
	fputs("],\"rows\":[", j->out);
}

static void
json_change(job *j, const mif_diff_change *ch, bool first)
{
	mif_value v;

	fprintf(j->out, "%s{\"change\":\"%s\",", first ? "\n" : ",\n",
	    mif_diff_kind_name(ch->kind));
	if (j->where != NULL) {
		if (!diff_where_write(j->out, j->where, MIF_DIFF_JSON))
			j->text.nomem = true;
		putc(',', j->out);
	}
	fputs("\"key\":[", j->out);
	for (size_t k = 0; k < mif_diff_key_count(j->diff); k++) {
		if (k > 0)
			putc(',', j->out);
		mif_diff_key_value(j->diff, ch, k, &v);
		json_value(j, &v);
	}
	putc(']', j->out);
	if (ch->kind == MIF_DIFF_CHANGED) {
		fputs(",\"attributes\":[", j->out);
		for (size_t i = 0; i < ch->nchanged; i++) {
			size_t c = ch->changed[i];
			fputs(i > 0 ? ",{\"name\":" : "{\"name\":", j->out);
			json_attr_name(j, c);
			fputs(",\"old\":", j->out);
			json_column(j, true, ch->old_row, c);
			fputs(",\"new\":", j->out);
			json_column(j, false, ch->new_row, c);
			putc('}', j->out);
		}
		putc(']', j->out);
	}
	putc('}', j->out);
}

/* ---- the place of a row, in a report of several groups ---- */

static mif_value
string_value(const mif_string *s)
{
	return (mif_value){ .kind = s != NULL ? MIF_V_STRING : MIF_V_ABSENT,
	    .str = s != NULL ? s->bytes : NULL, .len = s != NULL ? s->len : 0 };
}

bool
diff_where_write(FILE *out, const diff_where *w, mif_diff_format format)
{
	mif_value name = string_value(mif_block_string(w->group, MIF_KW_NAME));
	mif_value cls = string_value(mif_block_string(w->group, MIF_KW_CLASS));
	job j = { .out = out };

	if (format == MIF_DIFF_TEXT) {
		print_value(&j, &name, "");
		fputs(name.kind == MIF_V_ABSENT ? "(" : " (", out);
		if (cls.kind != MIF_V_ABSENT)
			print_value(&j, &cls, "");
		else
			fprintf(out, "ID %" PRIu64, w->id);
		putc(')', out);
	} else if (format == MIF_DIFF_TSV) {
		print_value(&j, &cls, "");
		putc('\t', out);
		if (w->has_id)
			fprintf(out, "%" PRIu64, w->id);
		putc('\t', out);
		print_value(&j, &name, "");
	} else {
		fputs("\"group\":", out);
		json_value(&j, &name);
		fputs(",\"class\":", out);
		json_value(&j, &cls);
		fputs(",\"id\":", out);
		if (w->has_id)
			fprintf(out, "%" PRIu64, w->id);
		else
			fputs("null", out);
	}
	return !j.text.nomem;
}

/* ---- the report ---- */

static bool
rows_write(job *j, mif_diff_format format, bool *first)
{
	mif_diff_change ch;

	while (!j->text.nomem && !ferror(j->out) && mif_diff_next(j->diff, &ch)) {
		if (format == MIF_DIFF_TEXT)
			text_change(j, &ch);
		else if (format == MIF_DIFF_TSV)
			tsv_change(j, &ch);
		else
			json_change(j, &ch, *first);
		*first = false;
	}
	bool ok = !j->text.nomem && !ferror(j->out);
	free(j->text.data);
	return ok;
}

bool
diff_rows_write(FILE *out, mif_diff *diff, mif_diff_format format,
    const diff_where *where, unsigned flags, bool *first)
{
	job j = { .out = out, .diff = diff, .where = where,
	    .colour = (flags & MIF_DIFF_COLOUR) != 0 };

	return rows_write(&j, format, first);
}

bool
diff_group_write(FILE *out, const diff_where *where, mif_diff_kind kind,
    mif_diff_format format, unsigned flags, bool *first)
{
	job j = { .out = out, .colour = (flags & MIF_DIFF_COLOUR) != 0 };
	const char *change = kind == MIF_DIFF_REMOVED ? "group-removed"
	    : "group-added";
	bool ok = true;

	if (format == MIF_DIFF_TEXT) {
		text_start(&j, kind);
		diff_where_write(out, where, format);
		fputs(kind == MIF_DIFF_REMOVED ? ": only in old" : ": only in new",
		    out);
		text_end(&j, kind);
	} else if (format == MIF_DIFF_TSV) {
		fprintf(out, "%s\t", change);
		diff_where_write(out, where, format);
		fputs("\t\t\t\t\n", out);
	} else {
		fprintf(out, "%s{\"change\":\"%s\",", *first ? "\n" : ",\n",
		    change);
		ok = diff_where_write(out, where, format);
		putc('}', out);
	}
	*first = false;
	return ok && !ferror(out);
}

bool
mif_diff_report_write(FILE *out, mif_diff *diff, const char *old_name,
    const char *new_name, mif_diff_format format, unsigned flags)
{
	job j = { .out = out, .diff = diff,
	    .colour = (flags & MIF_DIFF_COLOUR) != 0 };
	bool first = true;

	if (format == MIF_DIFF_JSON)
		json_start(&j, old_name, new_name);
	if (format == MIF_DIFF_TSV && (flags & MIF_DIFF_HEADER))
		tsv_header(&j);
	if (!rows_write(&j, format, &first))
		return false; /* no counts of a report cut short */
	mif_diff_counts n = mif_diff_counts_of(diff);
	if (format == MIF_DIFF_TEXT && (flags & MIF_DIFF_SUMMARY))
		fprintf(out, "%zu changed, %zu only in old, %zu only in new, "
		    "%zu the same\n", n.changed, n.removed, n.added, n.same);
	if (format == MIF_DIFF_JSON)
		fprintf(out, "\n],\"counts\":{\"changed\":%zu,\"removed\":%zu,"
		    "\"added\":%zu,\"same\":%zu}}\n", n.changed, n.removed,
		    n.added, n.same);
	return !ferror(out);
}
