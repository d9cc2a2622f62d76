/*
 * The JSON reader: JSON text (mif-json(5)) to a document.  jansson
 * parses it (rejecting duplicate keys; \u0000 allowed, since MIF strings
 * may hold NUL); then each block object is taken in its "order", or in
 * the order of its members when it has none, and handed to the builder
 * of convert.c, which applies the rules of the MIF parser.
 *
 * Syntax errors have the line and column jansson gives.  JSON values
 * carry no places, so a problem of shape names its value by a path
 * (".groups[0].id"), and json_place.c finds that value in the text for
 * its line and column.  The document keeps the JSON as its text once
 * there is a problem, to quote the line.
 */
#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "forms/convert.h"
#include "forms/json_place.h"
#include "forms/json_slices.h"

struct jr {
	mif_doc *doc;
	mif_conv conv;
	const char *data; /* the JSON, byte-order mark included */
	size_t len, bom;
	bool kept;        /* the document keeps it as its text */
	char path[256];   /* where we are: ".groups[2].attributes[0]" */
	size_t plen;
	bool nomem;
	/* read a value at a time (json_slices.h): the arrays left out of
	 * the values being read; a value that did not parse sends the
	 * reader back to read the whole text at once, which says what is
	 * wrong as it always did; so does a problem of shape in a text that
	 * does not parse whole (jansson then says only that) */
	bool lazy;
	bool restart;
	mif_json_lazies lazies;
	/* the text is a mapping whose pages are given back as the reading
	 * goes on: up to `dropped` */
	bool mapped;
	size_t dropped;
};

/* The arrays read an element at a time: a block's lists and order. */
static const char *const lazy_keys[] = { "paths", "enums", "groups",
	"tables", "attributes", "items", "rows", "cells", "comments", "order",
	NULL };

/* What jansson is asked for: \u0000 allowed, since MIF strings may hold
 * NUL; duplicate keys refused; any value for an element. */
#define JSON_FLAGS (JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL)

/* ---- problems and paths ------------------------------------------------ */

static bool keep_text(mif_doc *doc, const char *data, size_t len,
    size_t bom);

/* A problem of shape at the value of the current path. */
static bool MIF_PRINTF(2, 3)
fail(struct jr *jr, const char *fmt, ...)
{
	char text[200];
	va_list ap;
	const char *path = jr->plen > 0 ? jr->path : ".";
	uint32_t pos = MIF_NOPOS;

	if (jr->doc->stopped) /* past the error cap: no place to find */
		return false;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	if (!jr->kept && !(jr->kept = keep_text(jr->doc, jr->data, jr->len,
	    jr->bom))) {
		jr->nomem = true;
		return false;
	}
	size_t at = mif_json_place(jr->doc->text, jr->doc->text_len, path);
	if (at != SIZE_MAX && at <= UINT32_MAX)
		pos = (uint32_t)at;
	mif_diag(jr->doc, MIF_E_STATEMENT, MIF_ERROR, pos, MIF_NOPOS,
	    "%s: %s", path, text);
	return false;
}

static bool
refused(struct jr *jr)
{
	if (jr->conv.nomem) {
		jr->nomem = true;
		return false;
	}
	return fail(jr, "%s", jr->conv.why);
}

/* Whether to go on: memory left, and the error cap not reached (each
 * error finds its place in the whole text). */
static bool
reading(const struct jr *jr)
{
	return !jr->nomem && !jr->doc->stopped && !jr->restart;
}

/* The number of elements of an array, left out or not. */
static size_t
list_size(const struct jr *jr, const json_t *array)
{
	const mif_json_lazy *e = mif_json_lazy_find(&jr->lazies, array);

	return e != NULL ? e->n : json_array_size(array);
}

/* Give back the pages of a mapped text up to the end of element i of
 * an array that was left out: it is read (the elements come in the
 * order of the text, unless it was edited: a page read again comes back
 * from the file). */
static void
drop_read(struct jr *jr, const json_t *array, size_t i)
{
	const mif_json_lazy *e = mif_json_lazy_find(&jr->lazies, array);

	if (jr->mapped && e != NULL && i < e->n && e->elems[i].end > jr->dropped)
		mif_conv_drop_pages(jr->data, &jr->dropped, e->elems[i].end,
		    false);
}

/* A string with no escape and no control character, the names of an
 * "order" mostly, made at once rather than parsed; NULL for anything
 * else (jansson parses it then, and says what is wrong with it). */
static json_t *
plain_string(const char *t, size_t n)
{
	if (n < 2 || t[0] != '"' || t[n - 1] != '"')
		return NULL;
	for (size_t i = 1; i + 1 < n; i++)
		if (t[i] == '\\' || t[i] == '"' || (unsigned char)t[i] < 0x20)
			return NULL;
	return json_stringn(t + 1, n - 2); /* NULL when not UTF-8 */
}

/* Element i of an array, parsed from its place when it was left out: a
 * new reference, or NULL (jr->restart, or jr->nomem). */
static json_t *
element_at(struct jr *jr, const json_t *array, size_t i)
{
	const mif_json_lazy *e = mif_json_lazy_find(&jr->lazies, array);

	if (e == NULL)
		return json_incref(json_array_get(array, i));
	mif_json_slice at = e->elems[i];
	json_t *v = plain_string(jr->data + at.start, at.end - at.start);
	if (v == NULL)
		v = mif_json_load_slice(jr->data, at, lazy_keys,
		    JSON_FLAGS | JSON_DECODE_ANY, &jr->lazies);
	if (v == NULL) {
		jr->nomem |= jr->lazies.nomem;
		jr->restart = true;
	}
	return v;
}

static size_t
push_key(struct jr *jr, const char *key)
{
	size_t saved = jr->plen;
	bool plain = key[0] != '\0' && strspn(key,
	    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789")
	    == strlen(key);
	int n = snprintf(jr->path + jr->plen, sizeof jr->path - jr->plen,
	    plain ? ".%s" : "[\"%.40s\"]", key);
	if (n > 0)
		jr->plen += (size_t)n;
	if (jr->plen >= sizeof jr->path)
		jr->plen = sizeof jr->path - 1;
	return saved;
}

static size_t
push_index(struct jr *jr, size_t index)
{
	size_t saved = jr->plen;
	int n = snprintf(jr->path + jr->plen, sizeof jr->path - jr->plen,
	    "[%zu]", index);
	if (n > 0)
		jr->plen += (size_t)n;
	if (jr->plen >= sizeof jr->path)
		jr->plen = sizeof jr->path - 1;
	return saved;
}

static void
pop(struct jr *jr, size_t saved)
{
	jr->plen = saved;
	jr->path[saved] = '\0';
}

static const char *
json_kind(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "a string";
	case JSON_INTEGER: return "an integer";
	case JSON_REAL: return "a number with a fraction or an exponent";
	case JSON_TRUE: case JSON_FALSE: return "a boolean";
	default: return "null";
	}
}

static bool
expected(struct jr *jr, const json_t *v, const char *what)
{
	return fail(jr, "expected %s, not %s", what, json_kind(v));
}

/* ---- values ------------------------------------------------------------ */

static const mif_string *
string_of(struct jr *jr, const json_t *v)
{
	if (!json_is_string(v)) {
		expected(jr, v, "a string");
		return NULL;
	}
	const mif_string *s = mif_intern(jr->doc, json_string_value(v),
	    json_string_length(v));
	if (s == NULL)
		jr->nomem = true;
	return s;
}

/* Whether the object's keys are all in the NULL-terminated list. */
static bool
only_keys(struct jr *jr, json_t *obj, const char *const *keys)
{
	const char *key;
	json_t *v;

	json_object_foreach(obj, key, v) {
		size_t i = 0;
		while (keys[i] != NULL && strcmp(keys[i], key) != 0)
			i++;
		if (keys[i] == NULL)
			return fail(jr, "unknown member \"%.40s\"", key);
	}
	return true;
}

/* 12, or {"integer": 12 or "12", "radix": "hex"}. */
static bool
integer_of(struct jr *jr, json_t *v, mif_number *n)
{
	static const char *const keys[] = { "integer", "radix", NULL };
	uint8_t radix = MIF_RADIX_DEC;

	if (json_is_object(v)) {
		json_t *r = json_object_get(v, "radix");
		if (!only_keys(jr, v, keys))
			return false;
		if (r != NULL && (!json_is_string(r) ||
		    !mif_conv_radix_parse(json_string_value(r), &radix)))
			return fail(jr, "radix must be \"decimal\", \"octal\" "
			    "or \"hex\"");
		v = json_object_get(v, "integer");
		if (v == NULL)
			return fail(jr, "an integer object without \"integer\"");
	}
	if (json_is_integer(v)) {
		json_int_t i = json_integer_value(v);
		n->flags = i < 0 ? MIF_NEGATIVE : 0;
		n->mag = i < 0 ? (uint64_t)-(i + 1) + 1 : (uint64_t)i;
	} else if (json_is_string(v)) {
		const char *s = json_string_value(v);
		if (!mif_conv_number_parse(s, json_string_length(v), n))
			return fail(jr, "\"%.40s\" is no decimal integer of 64 bits",
			    s);
	} else {
		return expected(jr, v, "an integer");
	}
	n->flags |= radix;
	return true;
}

/* What may stand where a value is read. */
enum holder { IN_VALUE, IN_CELL, IN_PLATFORM };

/* A value: "text", an integer, null (an empty position), {"overlay":
 * "x"}, {"unknown": true}, {"unsupported": true}, {"direct_interface":
 * true}. */
static bool
value_of(struct jr *jr, json_t *v, enum holder holder, mif_stmt *out)
{
	memset(out, 0, sizeof *out);
	if (json_is_string(v)) {
		out->form = MIF_F_STRING;
		return (out->v.str = string_of(jr, v)) != NULL;
	}
	if (json_is_null(v)) {
		if (holder != IN_CELL)
			return fail(jr, "null stands only for an empty table "
			    "position");
		out->form = MIF_F_NONE;
		return true;
	}
	if (holder != IN_PLATFORM && (json_is_integer(v) ||
	    (json_is_object(v) && json_object_get(v, "integer") != NULL))) {
		mif_number n;
		if (!integer_of(jr, v, &n))
			return false;
		out->form = MIF_F_INTEGER;
		out->flags = n.flags;
		out->v.u = n.mag;
		return true;
	}
	if (json_is_object(v) && json_object_size(v) == 1) {
		const char *key = json_object_iter_key(json_object_iter(v));
		json_t *x = json_object_get(v, key);
		if (strcmp(key, "overlay") == 0 && holder != IN_PLATFORM) {
			size_t saved = push_key(jr, key);
			out->form = MIF_F_OVERLAY;
			out->v.str = string_of(jr, x);
			pop(jr, saved);
			return out->v.str != NULL;
		}
		static const struct {
			const char *key;
			mif_form form;
			bool platform;
		} words[] = {
			{ "unknown", MIF_F_UNKNOWN, false },
			{ "unsupported", MIF_F_UNSUPPORTED, false },
			{ "direct_interface", MIF_F_DIRECT, true },
		};
		for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
			if (strcmp(key, words[i].key) != 0)
				continue;
			if (words[i].platform != (holder == IN_PLATFORM))
				break;
			if (!json_is_true(x))
				return fail(jr, "{\"%s\": ...} takes true", key);
			out->form = (uint8_t)words[i].form;
			return true;
		}
	}
	return fail(jr, holder == IN_PLATFORM
	    ? "expected a string or {\"direct_interface\": true}"
	    : "expected a string, an integer, {\"overlay\": ...}, "
	    "{\"unknown\": true} or {\"unsupported\": true}%s",
	    holder == IN_CELL ? " or null" : "");
}

/* ---- blocks ------------------------------------------------------------- */

static void read_members(struct jr *jr, json_t *obj, int kind, bool top);

/* A comment: {"text": "...", "same_line": false}, or just "...". */
static void
read_comment(struct jr *jr, json_t *v)
{
	static const char *const keys[] = { "text", "same_line", NULL };
	bool same_line = false;

	if (json_is_object(v)) {
		json_t *s = json_object_get(v, "same_line");
		if (!only_keys(jr, v, keys))
			return;
		if (s != NULL && !json_is_boolean(s)) {
			expected(jr, s, "same_line as a boolean");
			return;
		}
		same_line = json_is_true(s);
		v = json_object_get(v, "text");
		if (v == NULL) {
			fail(jr, "a comment without \"text\"");
			return;
		}
	}
	if (!json_is_string(v)) {
		expected(jr, v, "a comment: {\"text\": ...} or a string");
		return;
	}
	if (!mif_conv_comment(&jr->conv, json_string_value(v),
	    json_string_length(v), same_line, 0))
		refused(jr);
}

static void
read_block(struct jr *jr, json_t *obj, mif_block_kind kind)
{
	if (!json_is_object(obj)) {
		expected(jr, obj, "an object");
		return;
	}
	if (!mif_conv_open(&jr->conv, kind, 0)) {
		refused(jr);
		return;
	}
	read_members(jr, obj, kind, false);
	if (!mif_conv_close(&jr->conv, 0))
		refused(jr);
}

/* "INTEGER", "STRING(64)", {"enum": "Name"}, {"enum": {...}}. */
static void
read_type(struct jr *jr, json_t *v, mif_block_kind kind)
{
	mif_stmt s = { .form = MIF_F_TYPE };

	if (json_is_object(v)) {
		static const char *const keys[] = { "enum", NULL };
		json_t *e = json_object_get(v, "enum");
		if (!only_keys(jr, v, keys))
			return;
		if (e == NULL) {
			fail(jr, "a type object without \"enum\"");
			return;
		}
		size_t saved = push_key(jr, "enum");
		if (json_is_object(e) && kind == MIF_ATTRIBUTE) {
			read_block(jr, e, MIF_ENUM);
			pop(jr, saved);
			return;
		}
		s.sub = MIF_T_ENUM_NAMED;
		s.v.str = string_of(jr, e);
		pop(jr, saved);
		if (s.v.str == NULL)
			return;
	} else if (json_is_string(v)) {
		const char *word = json_string_value(v);
		size_t len = json_string_length(v);
		const char *paren = memchr(word, '(', len);
		size_t wlen = paren != NULL ? (size_t)(paren - word) : len;
		mif_type_kind t;
		if (!mif_conv_type_parse(word, wlen, &t)) {
			fail(jr, "unknown type \"%.40s\"", word);
			return;
		}
		s.sub = (uint8_t)t;
		if (paren != NULL) {
			mif_number n;
			if (t != MIF_T_STRING && t != MIF_T_DISPLAYSTRING &&
			    t != MIF_T_OCTETSTRING) {
				fail(jr, "%s takes no size", mif_type_name(t));
				return;
			}
			if (len < wlen + 3 || word[len - 1] != ')' ||
			    !mif_conv_number_parse(paren + 1, len - wlen - 2, &n) ||
			    (n.flags & MIF_NEGATIVE)) {
				fail(jr, "a size is written \"%s(64)\"",
				    mif_type_name(t));
				return;
			}
			s.v.u = n.mag;
		}
	} else {
		expected(jr, v, "a type: \"INTEGER\", \"STRING(64)\" or "
		    "{\"enum\": ...}");
		return;
	}
	if (!mif_conv_stmt(&jr->conv, MIF_KW_TYPE, &s, 0))
		refused(jr);
}

static void
read_stmt(struct jr *jr, json_t *v, mif_keyword kw, unsigned platform,
    mif_block_kind kind)
{
	mif_stmt s;

	memset(&s, 0, sizeof s);
	switch (kw) {
	case MIF_KW_ID: {
		mif_number n;
		if (!integer_of(jr, v, &n))
			return;
		s.form = MIF_F_INTEGER;
		s.flags = n.flags;
		s.v.u = n.mag;
		break;
	}
	case MIF_KW_KEY: {
		if (!json_is_array(v)) {
			expected(jr, v, "an array of attribute IDs");
			return;
		}
		size_t count = json_array_size(v);
		mif_keys *keys = mif_arena_alloc(&jr->doc->arena,
		    sizeof *keys + count * sizeof keys->items[0]);
		if (keys == NULL) {
			jr->nomem = true;
			return;
		}
		keys->count = (uint32_t)count;
		for (size_t i = 0; i < count; i++) {
			size_t saved = push_index(jr, i);
			bool ok = integer_of(jr, json_array_get(v, i),
			    &keys->items[i]);
			pop(jr, saved);
			if (!ok)
				return;
		}
		s.form = MIF_F_KEYS;
		s.v.keys = keys;
		break;
	}
	case MIF_KW_TYPE:
		read_type(jr, v, kind);
		return;
	case MIF_KW_ACCESS:
	case MIF_KW_STORAGE: {
		mif_access a;
		mif_storage st;
		if (!json_is_string(v)) {
			expected(jr, v, "a string");
			return;
		}
		const char *word = json_string_value(v);
		s.form = MIF_F_WORD;
		if (kw == MIF_KW_ACCESS && mif_conv_access_parse(word, &a)) {
			s.sub = (uint8_t)a;
		} else if (kw == MIF_KW_STORAGE && mif_conv_storage_parse(word, &st)) {
			s.sub = (uint8_t)st;
		} else {
			fail(jr, "unknown word \"%.40s\"", word);
			return;
		}
		break;
	}
	case MIF_KW_VALUE:
		if (!value_of(jr, v, IN_VALUE, &s))
			return;
		break;
	case MIF_KW_PLATFORM:
		if (!value_of(jr, v, IN_PLATFORM, &s))
			return;
		s.sub = (uint8_t)platform;
		break;
	default:
		s.form = MIF_F_STRING;
		if ((s.v.str = string_of(jr, v)) == NULL)
			return;
		break;
	}
	if (!mif_conv_stmt(&jr->conv, kw, &s, 0))
		refused(jr);
}

static void
read_item(struct jr *jr, json_t *v)
{
	static const char *const keys[] = { "value", "symbol", NULL };
	mif_number n;

	if (!json_is_object(v)) {
		expected(jr, v, "an item: {\"value\": ..., \"symbol\": ...}");
		return;
	}
	if (!only_keys(jr, v, keys))
		return;
	json_t *value = json_object_get(v, "value");
	json_t *symbol = json_object_get(v, "symbol");
	if (value == NULL || symbol == NULL) {
		fail(jr, "an item needs \"value\" and \"symbol\"");
		return;
	}
	size_t saved = push_key(jr, "value");
	bool ok = integer_of(jr, value, &n);
	pop(jr, saved);
	if (!ok)
		return;
	saved = push_key(jr, "symbol");
	const mif_string *s = string_of(jr, symbol);
	pop(jr, saved);
	if (s != NULL && !mif_conv_item(&jr->conv, n, s, 0))
		refused(jr);
}

/* The lists a block object may have, and what each element is. */
enum list { L_PATHS, L_ENUMS, L_GROUPS, L_TABLES, L_ATTRIBUTES, L_ITEMS,
	L_ROWS, L_CELLS, L_COMMENTS, L_COUNT };
static const char *const list_names[L_COUNT] = {
	"paths", "enums", "groups", "tables", "attributes", "items", "rows",
	"cells", "comments",
};

static bool
has_list(int kind, int list)
{
	if (list == L_COMMENTS)
		return true;
	switch (kind) {
	case MIF_COMPONENT: return list <= L_TABLES;
	case MIF_GROUP: return list == L_ATTRIBUTES;
	case MIF_ENUM: return list == L_ITEMS;
	case MIF_TABLE: return list == L_ROWS;
	case -1: return list == L_CELLS; /* a row */
	default: return false;
	}
}

/* The list a member is in a block of this kind, or -1. */
static int
list_of(int kind, const char *key)
{
	for (int l = 0; l < L_COUNT; l++)
		if (strcmp(key, list_names[l]) == 0 && has_list(kind, l))
			return l;
	return -1;
}

static bool
is_doc_key(const char *key)
{
	static const char *const keys[] = { "encoding", "newline", "eof_mark",
		"leading_comments", "trailing_comments", NULL };
	for (size_t i = 0; keys[i] != NULL; i++)
		if (strcmp(key, keys[i]) == 0)
			return true;
	return false;
}

static void read_row(struct jr *jr, json_t *v);

static void
read_element(struct jr *jr, int list, json_t *v)
{
	switch (list) {
	case L_PATHS: read_block(jr, v, MIF_PATH); break;
	case L_ENUMS: read_block(jr, v, MIF_ENUM); break;
	case L_GROUPS: read_block(jr, v, MIF_GROUP); break;
	case L_TABLES: read_block(jr, v, MIF_TABLE); break;
	case L_ATTRIBUTES: read_block(jr, v, MIF_ATTRIBUTE); break;
	case L_ITEMS: read_item(jr, v); break;
	case L_ROWS: read_row(jr, v); break;
	case L_COMMENTS: read_comment(jr, v); break;
	case L_CELLS: {
		mif_stmt cell;
		if (value_of(jr, v, IN_CELL, &cell) &&
		    !mif_conv_cell(&jr->conv, &cell, 0))
			refused(jr);
		break;
	}
	default: break;
	}
}

/* A statement's bit in a set of those seen (a PLATFORM per platform). */
static unsigned
stmt_bit(mif_keyword kw, unsigned platform)
{
	return 1u << (kw == MIF_KW_PLATFORM ? MIF_KW_COUNT + platform : kw);
}

/* One name of a block's sequence: a statement or the next element of a
 * list.  used[] counts what each list gave.  A name that no longer has
 * a member or an element (jq removed it) is passed over. */
static void
take(struct jr *jr, json_t *obj, const char *name, int kind, size_t *used,
    unsigned *stmts_seen)
{
	mif_keyword kw;
	unsigned platform;

	int l = list_of(kind, name);
	if (l >= 0) {
		json_t *array = json_object_get(obj, name);
		if (array == NULL || used[l] >= list_size(jr, array))
			return; /* a stale name: its element was removed */
		size_t saved = push_key(jr, name), mark = jr->lazies.n;
		push_index(jr, used[l]);
		json_t *element = element_at(jr, array, used[l]++);
		if (element != NULL)
			read_element(jr, l, element);
		json_decref(element);
		drop_read(jr, array, used[l] - 1);
		mif_json_lazies_drop(&jr->lazies, mark);
		pop(jr, saved);
		return;
	}
	json_t *v = json_object_get(obj, name);
	if (kind < 0 || !mif_conv_stmt_parse(name, &kw, &platform)) {
		fail(jr, "\"order\" names \"%.40s\", which is no member here", name);
		return;
	}
	if (v == NULL)
		return; /* a stale name: the statement was removed */
	unsigned bit = stmt_bit(kw, platform);
	if (*stmts_seen & bit) {
		fail(jr, "\"order\" names \"%s\" twice", name);
		return;
	}
	*stmts_seen |= bit;
	size_t saved = push_key(jr, name);
	read_stmt(jr, v, kw, platform, (mif_block_kind)kind);
	pop(jr, saved);
}

/*
 * The members of a block object in the order "order" gives, so that a
 * text edited with jq reads back: first the statements it leaves out
 * (added since), then what it names, skipping names whose member or
 * element is gone (removed since), then the elements of each array
 * that it leaves out (appended since), in turn.
 */
static void
read_in_order(struct jr *jr, json_t *obj, json_t *order, int kind, bool top)
{
	size_t used[L_COUNT] = { 0 };
	unsigned stmts_seen = 0, named = 0;
	mif_keyword kw;
	unsigned platform;
	const char *key;
	json_t *v;

	if (!json_is_array(order)) {
		expected(jr, order, "\"order\" as an array of names");
		return;
	}
	for (size_t i = 0; i < list_size(jr, order) && reading(jr); i++) {
		json_t *name = element_at(jr, order, i);
		if (name != NULL && !json_is_string(name)) {
			size_t saved = push_key(jr, "order");
			push_index(jr, i);
			expected(jr, name, "a name");
			pop(jr, saved);
			json_decref(name);
			return;
		}
		if (name != NULL && kind >= 0 &&
		    list_of(kind, json_string_value(name)) < 0 &&
		    mif_conv_stmt_parse(json_string_value(name), &kw, &platform))
			named |= stmt_bit(kw, platform);
		json_decref(name);
	}
	json_object_foreach(obj, key, v) {
		if ((top && is_doc_key(key)) || !reading(jr) || kind < 0 ||
		    list_of(kind, key) >= 0 ||
		    !mif_conv_stmt_parse(key, &kw, &platform) ||
		    (named & stmt_bit(kw, platform)) != 0)
			continue;
		take(jr, obj, key, kind, used, &stmts_seen);
	}
	for (size_t i = 0; i < list_size(jr, order) && reading(jr); i++) {
		json_t *name = element_at(jr, order, i);
		if (name != NULL)
			take(jr, obj, json_string_value(name), kind, used,
			    &stmts_seen);
		json_decref(name);
	}
	json_object_foreach(obj, key, v) {
		int l = list_of(kind, key);
		if ((top && is_doc_key(key)) || l < 0)
			continue;
		while (reading(jr) && used[l] < list_size(jr, v))
			take(jr, obj, key, kind, used, &stmts_seen);
	}
}

/*
 * The members of a block object (kind -1: a row object), in the order
 * "order" gives, or else in the order of the members, each list's
 * elements where the list stands.
 */
static void
read_members(struct jr *jr, json_t *obj, int kind, bool top)
{
	size_t used[L_COUNT] = { 0 };
	unsigned stmts_seen = 0;
	const char *key;
	json_t *v;
	bool bad = false;

	/* what each member is, before anything is built */
	json_object_foreach(obj, key, v) {
		mif_keyword kw;
		unsigned platform;
		if ((top && is_doc_key(key)) || strcmp(key, "order") == 0)
			continue;
		if (list_of(kind, key) >= 0) {
			if (!json_is_array(v)) {
				size_t saved = push_key(jr, key);
				expected(jr, v, "an array");
				bad = true;
				pop(jr, saved);
			}
		} else if (kind < 0 || !mif_conv_stmt_parse(key, &kw, &platform)) {
			fail(jr, "unknown member \"%.40s\"", key);
			bad = true;
		}
	}
	if (bad)
		return;

	json_t *order = json_object_get(obj, "order");
	if (order != NULL)
		read_in_order(jr, obj, order, kind, top);
	else {
		json_object_foreach(obj, key, v) {
			if ((top && is_doc_key(key)) || !reading(jr))
				continue;
			size_t n = list_of(kind, key) >= 0 ? list_size(jr, v) : 1;
			for (size_t i = 0; i < n; i++)
				take(jr, obj, key, kind, used, &stmts_seen);
		}
	}
}

/* A row: [cells], or {"cells": [...], "comments": [...], "order": [...]}. */
static void
read_row(struct jr *jr, json_t *v)
{
	if (!json_is_array(v) && !json_is_object(v)) {
		expected(jr, v, "a row: an array of values, or an object");
		return;
	}
	if (!mif_conv_row_begin(&jr->conv, 0)) {
		refused(jr);
		return;
	}
	if (json_is_array(v)) {
		for (size_t i = 0; i < json_array_size(v) && reading(jr); i++) {
			size_t saved = push_index(jr, i);
			read_element(jr, L_CELLS, json_array_get(v, i));
			pop(jr, saved);
		}
	} else {
		read_members(jr, v, -1, false);
	}
	if (!mif_conv_row_end(&jr->conv, 0))
		refused(jr);
}

static void
read_comment_list(struct jr *jr, json_t *top, const char *key)
{
	json_t *list = json_object_get(top, key);

	if (list == NULL)
		return;
	size_t saved = push_key(jr, key);
	if (!json_is_array(list))
		expected(jr, list, "an array");
	for (size_t i = 0; json_is_array(list) && i < json_array_size(list)
	    && reading(jr); i++) {
		size_t s = push_index(jr, i);
		read_comment(jr, json_array_get(list, i));
		pop(jr, s);
	}
	pop(jr, saved);
}

/* The top object: the document's members and the component's. */
static void
read_top(struct jr *jr, json_t *top)
{
	mif_doc *doc = jr->doc;
	json_t *v;

	if (!json_is_object(top)) {
		expected(jr, top, "an object");
		return;
	}
	if ((v = json_object_get(top, "encoding")) != NULL &&
	    (!json_is_string(v) ||
	    !mif_conv_encoding_parse(json_string_value(v), &doc->encoding))) {
		size_t saved = push_key(jr, "encoding");
		fail(jr, "expected \"latin1\", \"utf-8\", \"utf-16le\" or "
		    "\"utf-16be\"");
		pop(jr, saved);
	}
	if ((v = json_object_get(top, "newline")) != NULL &&
	    (!json_is_string(v) ||
	    !mif_conv_newline_parse(json_string_value(v), &doc->newline))) {
		size_t saved = push_key(jr, "newline");
		fail(jr, "expected \"lf\" or \"crlf\"");
		pop(jr, saved);
	}
	if ((v = json_object_get(top, "eof_mark")) != NULL) {
		if (json_is_boolean(v)) {
			doc->eof_mark = json_is_true(v);
		} else {
			size_t saved = push_key(jr, "eof_mark");
			expected(jr, v, "a boolean");
			pop(jr, saved);
		}
	}
	read_comment_list(jr, top, "leading_comments");
	if (!mif_conv_open(&jr->conv, MIF_COMPONENT, 0)) {
		refused(jr);
		return;
	}
	read_members(jr, top, MIF_COMPONENT, true);
	if (!mif_conv_close(&jr->conv, 0)) {
		refused(jr);
		return;
	}
	read_comment_list(jr, top, "trailing_comments");
}

/* ---- the entry point --------------------------------------------------- */

/* Keep the JSON as the document's text, to quote a line in a message. */
static bool
keep_text(mif_doc *doc, const char *data, size_t len, size_t bom)
{
	char *input = malloc(len + 2);

	if (input == NULL)
		return false;
	if (len > 0)
		memcpy(input, data, len);
	input[len] = input[len + 1] = '\0';
	free(doc->input);
	doc->input = input;
	doc->input_cap = len + 2;
	doc->bom_len = bom;
	doc->text = input + bom;
	doc->text_len = len - bom;
	return true;
}

/* The offset of line `line`, character `column` (both from 1). */
static uint32_t
place(const mif_doc *doc, int line, int column)
{
	const char *t = doc->text;
	size_t i = 0, end = doc->text_len;

	for (int l = 1; l < line && i < end; i++)
		if (t[i] == '\n')
			l++;
	for (int c = 1; c < column && i < end && t[i] != '\n'; c++) {
		i++;
		while (i < end && ((unsigned char)t[i] & 0xC0) == 0x80)
			i++;
	}
	return (uint32_t)i;
}

/* Whether a syntax error is the input ending too soon.  jansson places
 * such an error on the last character it read; it belongs after it,
 * where the input ends.  Its text says so in the one fixed way. */
static bool
at_end_of_input(const json_error_t *error)
{
	static const char eof[] = "near end of file";
	size_t n = strlen(error->text);

	return json_error_code(error) == json_error_premature_end_of_input ||
	    (n >= sizeof eof - 1 &&
	    strcmp(error->text + n - (sizeof eof - 1), eof) == 0);
}

/*
 * Read the text into jr->doc: a value at a time (lazy), or all at once.
 * False when read a value at a time it must be read again at once: a
 * value did not parse, or the document has a problem and the text does
 * not parse whole, which jansson says instead (problems of shape are
 * said alike either way, with the same cap: read whole, jansson has
 * parsed the text first).
 */
static bool
read_json(struct jr *jr, bool lazy)
{
	const char *data = jr->data;
	json_t *root;
	json_error_t error;

	jr->lazy = lazy;
	if (lazy)
		root = mif_json_load_slice(data, (mif_json_slice){ jr->bom,
		    jr->len }, lazy_keys, JSON_FLAGS, &jr->lazies);
	else
		root = json_loadb(data + jr->bom, jr->len - jr->bom, JSON_FLAGS,
		    &error);
	if (root == NULL && lazy) {
		jr->nomem = jr->lazies.nomem;
		return false;
	}
	if (lazy && jr->mapped) { /* read through once: given back */
		jr->dropped = 0;
		mif_conv_drop_pages(data, &jr->dropped, jr->len, true);
		jr->dropped = 0;
	}
	if (root == NULL) {
		if (!keep_text(jr->doc, data, jr->len, jr->bom)) {
			jr->nomem = true;
			return true;
		}
		uint32_t pos = at_end_of_input(&error)
		    ? (uint32_t)jr->doc->text_len
		    : error.line > 0 ? place(jr->doc, error.line,
		    error.column > 0 ? error.column : 1) : MIF_NOPOS;
		mif_diag(jr->doc, MIF_E_SYNTAX, MIF_ERROR, pos, MIF_NOPOS, "%s",
		    error.text);
		return true;
	}
	mif_conv_init(&jr->conv, jr->doc);
	read_top(jr, root);
	if (reading(jr) && jr->doc->nerrors == 0 && !mif_conv_finish(&jr->conv))
		fail(jr, "%s", jr->conv.why);
	mif_conv_free(&jr->conv);
	json_decref(root);
	mif_json_lazies_drop(&jr->lazies, 0);
	if (!lazy)
		return true;
	if (jr->nomem || jr->restart)
		return false;
	if (jr->doc->nerrors == 0 || mif_json_slices_parse(data,
	    (mif_json_slice){ jr->bom, jr->len }, lazy_keys, JSON_FLAGS,
	    &jr->lazies))
		return true;
	jr->nomem = jr->lazies.nomem;
	return false;
}

static mif_doc *
parse_json(const void *data, size_t len, bool mapped, const char *name,
    const mif_parse_options *opts, mif_error *err)
{
	const unsigned char *u = data;
	size_t bom = len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF ? 3 : 0;

	if (len > MIF_MAX_INPUT) {
		mif_error_set(err, MIF_E_TOO_BIG, name, "input too large");
		return NULL;
	}
	struct jr jr;
	for (int lazy = 1; lazy >= 0; lazy--) {
		memset(&jr, 0, sizeof jr);
		jr.data = data;
		jr.len = len;
		jr.bom = bom;
		jr.mapped = mapped;
		jr.doc = mif_doc_create(name);
		if (jr.doc == NULL)
			goto nomem;
		jr.doc->input_size = len;
		if (opts != NULL && opts->max_errors != 0)
			jr.doc->max_errors = opts->max_errors;
		bool done = read_json(&jr, lazy);
		jr.doc->form_reads = 2 - (unsigned)lazy;
		free(jr.lazies.v);
		if (jr.nomem)
			goto nomem;
		if (done)
			break;
		mif_doc_free(jr.doc);
	}
	for (size_t i = 0; err != NULL && i < jr.doc->ndiags; i++) {
		if (jr.doc->diags[i].severity >= MIF_ERROR) {
			*err = jr.doc->diags[i];
			break;
		}
	}
	return jr.doc;
nomem:
	mif_doc_free(jr.doc);
	mif_error_set(err, MIF_E_NOMEM, name, "out of memory");
	return NULL;
}

mif_doc *
mif_parse_json(const void *data, size_t len, const mif_parse_options *opts,
    mif_error *err)
{
	return parse_json(data, len, false, opts != NULL &&
	    opts->source_name != NULL ? opts->source_name : "<buffer>", opts,
	    err);
}

mif_doc *
mif_parse_json_stream(FILE *fp, const mif_parse_options *opts, mif_error *err)
{
	const char *name = opts != NULL && opts->source_name != NULL
	    ? opts->source_name : "<stdin>";
	mif_conv_input in;

	if (!mif_conv_input_read(fp, name, &in, err))
		return NULL;
	/* after a UTF-16 mark, as UTF-8 (mif_text_utf8() works on bytes of
	 * its own) */
	const unsigned char *u = (const unsigned char *)in.bytes;
	if (in.mapped && in.len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
	    (u[0] == 0xFE && u[1] == 0xFF))) {
		char *copy = malloc(in.len + 1);
		if (copy == NULL) {
			mif_conv_input_free(&in);
			mif_error_set(err, MIF_E_NOMEM, name, "out of memory");
			return NULL;
		}
		memcpy(copy, in.bytes, in.len);
		size_t len = in.len;
		mif_conv_input_free(&in);
		in = (mif_conv_input){ copy, len, len + 1, false };
	}
	if (!in.mapped && !mif_text_utf8(&in.bytes, &in.len, name, err)) {
		mif_conv_input_free(&in);
		return NULL;
	}
	mif_doc *doc = parse_json(in.bytes, in.len, in.mapped, name, opts, err);
	mif_conv_input_free(&in);
	return doc;
}
