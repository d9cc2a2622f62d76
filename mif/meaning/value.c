/*
 * Typed values: an attribute's resolved TYPE, and the value of a VALUE
 * statement, a table cell or a command line's text under it.  The rules
 * are the validator's (check_types.c), whose range and size helpers are
 * called here, so that a value mif_check() accepts is one that types
 * cleanly and the reverse.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meaning/check.h"
#include "meaning/value.h"

/* ---- messages --------------------------------------------------------- */

void
mif_value_error(mif_error *err, const mif_doc *doc, uint32_t pos,
    mif_code code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	mif_error_vat(err, doc, code, pos, MIF_NOPOS, fmt, ap);
	va_end(ap);
}

const char *
mif_value_block_name(const mif_doc *doc, char *buf, size_t size,
    const mif_block *block)
{
	const mif_string *name = block != NULL
	    ? mif_block_string(block, MIF_KW_NAME) : NULL;

	if (name != NULL)
		return mif_check_quote(buf, size, name);
	if (block != NULL && doc != NULL && block->pos < doc->text_len)
		snprintf(buf, size, "at line %u",
		    mif_doc_mark(doc, block->pos).line);
	else
		snprintf(buf, size, "without NAME");
	return buf;
}

/* ---- types ------------------------------------------------------------ */

static bool
is_enum_type(mif_type_kind kind)
{
	return kind == MIF_T_ENUM_NAMED || kind == MIF_T_ENUM_INLINE;
}

static bool
is_signed_type(mif_type_kind kind)
{
	return kind == MIF_T_INTEGER || kind == MIF_T_INT ||
	    kind == MIF_T_INTEGER64 || kind == MIF_T_INT64;
}

/* The integer type of an enum's values: its TYPE, INTEGER when absent. */
static bool
enum_base(const mif_doc *doc, mif_attr_type *type, mif_error *err)
{
	char name[CHECK_QUOTE_MAX + 16], aname[CHECK_QUOTE_MAX], tname[40];
	const mif_stmt *t = mif_block_stmt(type->enm, MIF_KW_TYPE);

	type->base = MIF_T_INTEGER;
	if (t == NULL)
		return true;
	if (t->form == MIF_F_TYPE &&
	    mif_check_is_integer_type((mif_type_kind)t->sub)) {
		type->base = (mif_type_kind)t->sub;
		return true;
	}
	if (type->kind == MIF_T_ENUM_NAMED)
		mif_value_block_name(doc, name, sizeof name, type->enm);
	else
		snprintf(name, sizeof name, "of attribute %s",
		    mif_value_block_name(doc, aname, sizeof aname, type->attr));
	mif_value_error(err, doc, t->pos, MIF_E_ENUM, "enum %s has type %s, "
	    "but an enum's type must be an integer type", name,
	    t->form == MIF_F_TYPE ? mif_check_type_text(tname, sizeof tname,
	    (mif_type_kind)t->sub, t->v.u) : "?");
	return false;
}

bool
mif_attr_type_of(const mif_doc *doc, const mif_block *attr,
    mif_attr_type *type, mif_error *err)
{
	char name[CHECK_QUOTE_MAX], tname[CHECK_QUOTE_MAX];
	const mif_stmt *t = mif_block_stmt(attr, MIF_KW_TYPE);

	memset(type, 0, sizeof *type);
	type->attr = attr;
	type->stmt = t;
	if (t == NULL) {
		mif_value_error(err, doc, attr->pos, MIF_E_MISSING,
		    "attribute %s has no TYPE",
		    mif_value_block_name(doc, name, sizeof name, attr));
		return false;
	}
	if (t->form != MIF_F_TYPE || t->sub >= MIF_T_COUNT ||
	    (t->sub == MIF_T_ENUM_NAMED && t->v.str == NULL) ||
	    (t->sub == MIF_T_ENUM_INLINE && t->v.enm == NULL)) {
		mif_value_error(err, doc, t->pos, MIF_E_TYPE,
		    "TYPE of attribute %s is not a type",
		    mif_value_block_name(doc, name, sizeof name, attr));
		return false;
	}
	type->kind = type->base = (mif_type_kind)t->sub;
	if (mif_check_is_string_type(type->kind))
		type->size = t->v.u;
	if (type->kind == MIF_T_ENUM_NAMED) {
		type->enm = mif_find_enum(doc, t->v.str->bytes);
		if (type->enm == NULL) {
			mif_value_error(err, doc, t->pos, MIF_E_ENUM,
			    "type %s of attribute %s names no enum of the "
			    "component",
			    mif_check_quote(tname, sizeof tname, t->v.str),
			    mif_value_block_name(doc, name, sizeof name, attr));
			return false;
		}
	} else if (type->kind == MIF_T_ENUM_INLINE) {
		type->enm = t->v.enm;
	}
	return type->enm == NULL || enum_base(doc, type, err);
}

/* ---- enum items ------------------------------------------------------- */

static bool
number_negative(const mif_number *n)
{
	return (n->flags & MIF_NEGATIVE) && n->mag != 0;
}

/* Order of the by_symbol index: symbol pointer, then file order. */
static int
by_symbol(const void *a, const void *b)
{
	const mif_enum_item *x = *(const mif_enum_item *const *)a;
	const mif_enum_item *y = *(const mif_enum_item *const *)b;
	uintptr_t p = (uintptr_t)x->symbol, q = (uintptr_t)y->symbol;

	if (p != q)
		return p < q ? -1 : 1;
	return (x > y) - (x < y);
}

/* A number as one ordered key: negatives first. */
static int
number_order(bool xneg, uint64_t xmag, bool yneg, uint64_t ymag)
{
	if (xneg != yneg)
		return xneg ? -1 : 1;
	if (xmag == ymag)
		return 0;
	return (xmag < ymag) != xneg ? -1 : 1;
}

static int
by_number(const void *a, const void *b)
{
	const mif_enum_item *x = *(const mif_enum_item *const *)a;
	const mif_enum_item *y = *(const mif_enum_item *const *)b;
	int c = number_order(number_negative(&x->value), x->value.mag,
	    number_negative(&y->value), y->value.mag);

	return c != 0 ? c : (x > y) - (x < y);
}

bool
mif_enum_index_build(const mif_block *enm, value_enum_index *idx)
{
	size_t n = enm->count;

	idx->count = n;
	idx->by_symbol = malloc((n + 1) * sizeof *idx->by_symbol);
	idx->by_number = malloc((n + 1) * sizeof *idx->by_number);
	if (idx->by_symbol == NULL || idx->by_number == NULL) {
		mif_enum_index_free(idx);
		return false;
	}
	for (size_t i = 0; i < n; i++)
		idx->by_symbol[i] = idx->by_number[i] = &enm->u.items[i];
	qsort(idx->by_symbol, n, sizeof *idx->by_symbol, by_symbol);
	qsort(idx->by_number, n, sizeof *idx->by_number, by_number);
	return true;
}

void
mif_enum_index_free(value_enum_index *idx)
{
	free(idx->by_symbol);
	free(idx->by_number);
	idx->by_symbol = idx->by_number = NULL;
	idx->count = 0;
}

/* The first item of a symbol (an interned string of the document). */
static const mif_enum_item *
item_of_symbol(const mif_block *enm, const value_enum_index *idx,
    const mif_string *symbol)
{
	if (idx == NULL) {
		for (uint32_t i = 0; i < enm->count; i++)
			if (enm->u.items[i].symbol == symbol)
				return &enm->u.items[i];
		return NULL;
	}
	size_t lo = 0, hi = idx->count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if ((uintptr_t)idx->by_symbol[mid]->symbol < (uintptr_t)symbol)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < idx->count && idx->by_symbol[lo]->symbol == symbol
	    ? idx->by_symbol[lo] : NULL;
}

/* The first item whose symbol has these bytes, exactly or with ASCII
 * case ignored. */
static const mif_enum_item *
item_of_text(const mif_block *enm, const char *text, size_t len, bool fold)
{
	for (uint32_t i = 0; i < enm->count; i++) {
		const mif_string *s = enm->u.items[i].symbol;
		if (s == NULL || s->len != len)
			continue;
		if (fold ? mif_ncasecmp(s->bytes, text, len) == 0
		    : memcmp(s->bytes, text, len) == 0)
			return &enm->u.items[i];
	}
	return NULL;
}

static const mif_enum_item *
item_of_number(const mif_block *enm, const value_enum_index *idx, bool neg,
    uint64_t mag)
{
	if (idx == NULL) {
		for (uint32_t i = 0; i < enm->count; i++) {
			const mif_number *n = &enm->u.items[i].value;
			if (n->mag == mag && number_negative(n) == neg)
				return &enm->u.items[i];
		}
		return NULL;
	}
	size_t lo = 0, hi = idx->count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const mif_number *n = &idx->by_number[mid]->value;
		if (number_order(number_negative(n), n->mag, neg, mag) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == idx->count)
		return NULL;
	const mif_number *n = &idx->by_number[lo]->value;
	return n->mag == mag && number_negative(n) == neg ? idx->by_number[lo]
	    : NULL;
}

/* ---- numbers ---------------------------------------------------------- */

/* A signed magnitude as int64_t; false when it does not fit. */
static bool
to_int64(bool neg, uint64_t mag, int64_t *out)
{
	if (!neg) {
		if (mag > INT64_MAX)
			return false;
		*out = (int64_t)mag;
		return true;
	}
	if (mag > (uint64_t)INT64_MAX + 1)
		return false;
	*out = mag == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)mag;
	return true;
}

/*
 * An enum value's number: i, or, above INT64_MAX (an enum of type
 * COUNTER64), INT64_MAX in i and the number in u.  False for a negative
 * number beyond int64_t.
 */
static bool
set_enum_number(mif_value *v, bool neg, uint64_t mag)
{
	v->kind = MIF_V_ENUM;
	v->u = 0;
	if (!neg && mag > INT64_MAX) {
		v->i = INT64_MAX;
		v->u = mag;
		return true;
	}
	return to_int64(neg, mag, &v->i);
}

static void
set_symbol(mif_value *v, const mif_enum_item *item)
{
	bool has = item != NULL && item->symbol != NULL;

	v->str = has ? item->symbol->bytes : NULL;
	v->len = has ? item->symbol->len : 0;
}

static const mif_date unknown_date = {
	MIF_DATE_UNKNOWN, MIF_DATE_UNKNOWN, MIF_DATE_UNKNOWN, MIF_DATE_UNKNOWN,
	MIF_DATE_UNKNOWN, MIF_DATE_UNKNOWN, MIF_DATE_UNKNOWN, MIF_DATE_UNKNOWN,
	true,
};

/* Why a value does not suit its type.  Typing says which; the message
 * is made only then, since values are typed a million times for every
 * message. */
typedef enum misfit {
	FITS,
	NUMBER_FOR_TEXT,    /* a number where the type wants a string or date */
	NEGATIVE,
	TOO_BIG,
	ENUM_TOO_BIG,       /* a negative enum number beyond int64_t */
	TEXT_FOR_NUMBER,
	NOT_A_NUMBER,       /* command-line text */
	TOO_LONG,
	BAD_DATE,
	NO_SYMBOL,
	NO_ENUM,
} misfit;

typedef struct problem {
	misfit why;
	mif_type_kind kind;     /* the integer type a number was held to */
	size_t chars;           /* TOO_LONG: the value's length */
	char date[128];         /* BAD_DATE: the reason */
} problem;

static misfit
typed_number(const mif_attr_type *t, const value_enum_index *idx, bool neg,
    uint64_t mag, mif_value *v, problem *p)
{
	mif_type_kind kind = is_enum_type(t->kind) ? t->base : t->kind;

	p->kind = kind;
	if (!mif_check_is_integer_type(kind))
		return NUMBER_FOR_TEXT;
	switch (mif_check_int_range(kind, mag, neg ? MIF_NEGATIVE : 0)) {
	case CHECK_NEGATIVE:
		return NEGATIVE;
	case CHECK_TOO_BIG:
		return TOO_BIG;
	case CHECK_IN_RANGE:
		break;
	}
	if (is_enum_type(t->kind)) {
		if (!set_enum_number(v, neg, mag))
			return ENUM_TOO_BIG;
		set_symbol(v, t->enm != NULL
		    ? item_of_number(t->enm, idx, neg, mag) : NULL);
	} else if (is_signed_type(kind)) {
		v->kind = MIF_V_SIGNED;
		to_int64(neg, mag, &v->i);
	} else {
		v->kind = MIF_V_UNSIGNED;
		v->u = mag;
	}
	return FITS;
}

static size_t
char_count(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

/*
 * A string under a type.  `symbol` is the document's interned string
 * when there is one (exact enum symbols are then pointer tests).  When it
 * does not suit, v is left a MIF_V_STRING.
 */
static misfit
typed_string(const mif_attr_type *t, const value_enum_index *idx,
    const char *text, size_t len, const mif_string *symbol, mif_value *v,
    problem *p)
{
	v->kind = MIF_V_STRING;
	v->str = text;
	v->len = len;
	if (mif_check_is_integer_type(t->kind))
		return TEXT_FOR_NUMBER;
	if (mif_check_is_string_type(t->kind)) {
		if (t->kind == MIF_T_OCTETSTRING)
			v->kind = MIF_V_OCTETS;
		/* only a string too long in bytes can be in characters */
		if (t->size == 0 || len <= t->size ||
		    (p->chars = char_count(text, len)) <= t->size)
			return FITS;
		v->kind = MIF_V_STRING;
		return TOO_LONG;
	}
	if (t->kind == MIF_T_DATE) {
		if (len == 0) {
			/* what writers put for "no date": unknown, as the
			 * validator takes it (with a warning) */
			v->kind = MIF_V_DATE;
			v->date = unknown_date;
			return FITS;
		}
		/* SMS 1.2's "MM/DD/YY HH:MM:SS" is read as its date too
		 * (check_date.c): readers take what SMS files hold */
		if (!mif_date_parse(text, len, &v->date, p->date,
		    sizeof p->date) &&
		    !mif_check_date_sms12(text, len, &v->date))
			return BAD_DATE;
		v->kind = MIF_V_DATE;
		return FITS;
	}
	/* an enum */
	if (t->enm == NULL)
		return NO_ENUM;
	const mif_enum_item *item = symbol != NULL
	    ? item_of_symbol(t->enm, idx, symbol)
	    : item_of_text(t->enm, text, len, false);
	if (item == NULL)
		item = item_of_text(t->enm, text, len, true);
	if (item == NULL)
		return NO_SYMBOL;
	if (!set_enum_number(v, number_negative(&item->value),
	    item->value.mag))
		return ENUM_TOO_BIG;
	set_symbol(v, item);
	return FITS;
}

/* The message for a problem; `shown` is the value as written. */
static mif_code
explain(const problem *p, const mif_attr_type *t, const char *attr,
    const char *shown, char *why, size_t size)
{
	char type[40], ename[CHECK_QUOTE_MAX + 8], name[CHECK_QUOTE_MAX];

	mif_check_type_text(type, sizeof type, t->kind, t->size);
	switch (p->why) {
	case NUMBER_FOR_TEXT:
		snprintf(why, size, "value of attribute %s is a number, but "
		    "its type is %s", attr, type);
		return MIF_E_TYPE;
	case NEGATIVE:
		snprintf(why, size, "value %s of attribute %s is negative, but "
		    "its type is %s", shown, attr, mif_type_name(p->kind));
		return MIF_E_RANGE;
	case TOO_BIG:
		snprintf(why, size, "value %s of attribute %s is out of range "
		    "for %s (%s)", shown, attr, mif_type_name(p->kind),
		    mif_check_range_text(p->kind));
		return MIF_E_RANGE;
	case ENUM_TOO_BIG:
		snprintf(why, size, "value %s of attribute %s is too big for "
		    "an enum value", shown, attr);
		return MIF_E_RANGE;
	case TEXT_FOR_NUMBER:
		snprintf(why, size, "value of attribute %s is a string, but "
		    "its type is %s", attr, type);
		return MIF_E_TYPE;
	case NOT_A_NUMBER:
		snprintf(why, size, "value %s of attribute %s is not a number, "
		    "but its type is %s", shown, attr, type);
		return MIF_E_TYPE;
	case TOO_LONG:
		snprintf(why, size, "value of attribute %s is %zu characters "
		    "long, more than its %s allows", attr, p->chars, type);
		return MIF_E_SIZE;
	case BAD_DATE:
		snprintf(why, size, "invalid DATE value %s of attribute %s: %s",
		    shown, attr, p->date);
		return MIF_E_DATE;
	case NO_SYMBOL:
		if (t->kind == MIF_T_ENUM_NAMED)
			snprintf(ename, sizeof ename, "enum %s",
			    mif_value_block_name(NULL, name, sizeof name,
			    t->enm));
		else
			snprintf(ename, sizeof ename, "its inline enum");
		snprintf(why, size, "value %s of attribute %s is not a symbol "
		    "of %s", shown, attr, ename);
		return MIF_E_ENUM;
	case NO_ENUM:
		snprintf(why, size, "the type of attribute %s has no enum",
		    attr);
		return MIF_E_ENUM;
	case FITS:
		break;
	}
	why[0] = '\0';
	return MIF_OK;
}

/* ---- statements ------------------------------------------------------- */

void
mif_value_as_written(const mif_stmt *stmt, mif_value *v)
{
	memset(v, 0, sizeof *v);
	v->stmt = stmt;
	switch (stmt != NULL ? stmt->form : MIF_F_NONE) {
	case MIF_F_INTEGER:
		if ((stmt->flags & MIF_NEGATIVE) && stmt->v.u != 0) {
			v->kind = MIF_V_SIGNED;
			if (!to_int64(true, stmt->v.u, &v->i))
				v->i = INT64_MIN;
		} else {
			v->kind = MIF_V_UNSIGNED;
			v->u = stmt->v.u;
		}
		break;
	case MIF_F_STRING:
		v->kind = MIF_V_STRING;
		v->str = stmt->v.str->bytes;
		v->len = stmt->v.str->len;
		break;
	case MIF_F_OVERLAY:
		v->kind = MIF_V_OVERLAY;
		v->str = stmt->v.str->bytes;
		v->len = stmt->v.str->len;
		break;
	case MIF_F_UNKNOWN:
		v->kind = MIF_V_UNKNOWN;
		break;
	case MIF_F_UNSUPPORTED:
		v->kind = MIF_V_UNSUPPORTED;
		break;
	default:
		v->kind = MIF_V_ABSENT;
		v->stmt = NULL;
		break;
	}
}

bool
mif_value_of_indexed(const mif_doc *doc, const mif_attr_type *t,
    const value_enum_index *idx, const mif_stmt *stmt, mif_value *v,
    mif_error *err)
{
	problem p;

	mif_value_as_written(stmt, v);
	switch (v->kind) {
	case MIF_V_SIGNED:
	case MIF_V_UNSIGNED: {
		mif_value typed = *v;
		p.why = typed_number(t, idx, (stmt->flags & MIF_NEGATIVE) &&
		    stmt->v.u != 0, stmt->v.u, &typed, &p);
		if (p.why == FITS)
			*v = typed;
		break;
	}
	case MIF_V_STRING:
		p.why = typed_string(t, idx, stmt->v.str->bytes,
		    stmt->v.str->len, stmt->v.str, v, &p);
		break;
	case MIF_V_ABSENT:
		if (stmt == NULL || stmt->form == MIF_F_NONE)
			return true;
		mif_value_error(err, doc, stmt->pos, MIF_E_TYPE,
		    "a %s statement is not a value",
		    mif_keyword_name((mif_keyword)stmt->kw));
		return false;
	default:
		return true; /* UNKNOWN, UNSUPPORTED, overlays: any type */
	}
	if (p.why == FITS)
		return true;
	if (err != NULL) {
		char attr[CHECK_QUOTE_MAX], shown[CHECK_QUOTE_MAX];
		char why[sizeof err->text];
		if (stmt->form == MIF_F_INTEGER)
			mif_check_number_text(shown, sizeof shown, stmt->v.u,
			    stmt->flags);
		else
			mif_check_quote(shown, sizeof shown, stmt->v.str);
		mif_code code = explain(&p, t, mif_value_block_name(doc, attr,
		    sizeof attr, t->attr), shown, why, sizeof why);
		mif_value_error(err, doc, stmt->pos, code, "%s", why);
	}
	return false;
}

bool
mif_value_of(const mif_doc *doc, const mif_attr_type *type,
    const mif_stmt *stmt, mif_value *value, mif_error *err)
{
	return mif_value_of_indexed(doc, type, NULL, stmt, value, err);
}

/* ---- text from a command line ----------------------------------------- */

/* The quoted text of a value for messages, cut to fit as check_quote()
 * cuts it (buf has CHECK_QUOTE_MAX bytes, so a longer text needs no more
 * than that many of its bytes). */
static const char *
quote_text(char *buf, const char *text, size_t len)
{
	union {
		mif_string s;
		char room[sizeof(mif_string) + CHECK_QUOTE_MAX + 1];
	} u;
	size_t n = len > CHECK_QUOTE_MAX ? CHECK_QUOTE_MAX : len;

	u.s.len = (uint32_t)n;
	u.s.hash = 0;
	memcpy(u.s.bytes, text, n);
	u.s.bytes[n] = '\0';
	return mif_check_quote(buf, CHECK_QUOTE_MAX, &u.s);
}

/* A number as C writes it: [-](digits | 0octal | 0xhex); false when the
 * text is anything else or over 64 bits. */
static bool
parse_number(const char *text, size_t len, bool *neg, uint64_t *mag)
{
	size_t i;
	unsigned base = 10;
	uint64_t v = 0;

	*neg = len > 0 && text[0] == '-';
	i = *neg;
	if (i == len)
		return false;
	if (len - i > 2 && text[i] == '0' && (text[i + 1] == 'x' ||
	    text[i + 1] == 'X')) {
		base = 16;
		i += 2;
	} else if (len - i > 1 && text[i] == '0') {
		base = 8;
		i++;
	}
	for (; i < len; i++) {
		char c = text[i];
		unsigned d;
		if (c >= '0' && c <= '9')
			d = (unsigned)(c - '0');
		else if (base == 16 && c >= 'a' && c <= 'f')
			d = (unsigned)(c - 'a' + 10);
		else if (base == 16 && c >= 'A' && c <= 'F')
			d = (unsigned)(c - 'A' + 10);
		else
			return false;
		if (d >= base || v > (UINT64_MAX - d) / base)
			return false;
		v = v * base + d;
	}
	*mag = v;
	*neg = *neg && v != 0;
	return true;
}

static bool
word_is(const char *text, size_t len, const char *word)
{
	return strlen(word) == len && memcmp(text, word, len) == 0;
}

bool
mif_value_parse(const mif_attr_type *t, const char *text, size_t len,
    mif_value *v, mif_error *err)
{
	problem p;
	bool neg;
	uint64_t mag;

	memset(v, 0, sizeof *v);
	if (word_is(text, len, "UNKNOWN")) {
		v->kind = MIF_V_UNKNOWN;
		return true;
	}
	if (word_is(text, len, "UNSUPPORTED")) {
		v->kind = MIF_V_UNSUPPORTED;
		return true;
	}
	if (mif_check_is_integer_type(t->kind) || is_enum_type(t->kind)) {
		if (parse_number(text, len, &neg, &mag))
			p.why = typed_number(t, NULL, neg, mag, v, &p);
		else if (is_enum_type(t->kind))
			p.why = typed_string(t, NULL, text, len, NULL, v, &p);
		else
			p.why = NOT_A_NUMBER;
	} else {
		p.why = typed_string(t, NULL, text, len, NULL, v, &p);
	}
	if (p.why == FITS)
		return true;
	if (err != NULL) {
		char attr[CHECK_QUOTE_MAX], shown[CHECK_QUOTE_MAX];
		char why[sizeof err->text];
		quote_text(shown, text, len);
		mif_code code = explain(&p, t, mif_value_block_name(NULL, attr,
		    sizeof attr, t->attr), shown, why, sizeof why);
		mif_value_error(err, NULL, MIF_NOPOS, code, "%s", why);
	}
	memset(v, 0, sizeof *v);
	v->kind = MIF_V_STRING;
	v->str = text;
	v->len = len;
	return false;
}

/* ---- comparing -------------------------------------------------------- */

static bool
is_number(const mif_value *v, bool *neg, uint64_t *mag)
{
	switch (v->kind) {
	case MIF_V_ENUM:
		if (v->i == INT64_MAX && v->u > INT64_MAX) {
			*neg = false;
			*mag = v->u;
			return true;
		}
		/* FALLTHROUGH */
	case MIF_V_SIGNED:
		*neg = v->i < 0;
		*mag = *neg ? 0u - (uint64_t)v->i : (uint64_t)v->i;
		return true;
	case MIF_V_UNSIGNED:
		*neg = false;
		*mag = v->u;
		return true;
	default:
		return false;
	}
}

static bool
is_bytes(const mif_value *v)
{
	return v->kind == MIF_V_STRING || v->kind == MIF_V_OCTETS;
}

static bool
same_date(const mif_date *a, const mif_date *b)
{
	return a->year == b->year && a->month == b->month && a->day == b->day &&
	    a->hour == b->hour && a->minute == b->minute &&
	    a->second == b->second && a->microsecond == b->microsecond &&
	    a->utc_offset == b->utc_offset;
}

bool
mif_value_equal(const mif_value *a, const mif_value *b)
{
	bool an, bn;
	uint64_t am, bm;

	if (is_number(a, &an, &am))
		return is_number(b, &bn, &bm) && an == bn && am == bm;
	if (is_bytes(a))
		return is_bytes(b) && a->len == b->len &&
		    (a->len == 0 || memcmp(a->str, b->str, a->len) == 0);
	if (a->kind != b->kind)
		return false;
	switch (a->kind) {
	case MIF_V_DATE:
		return same_date(&a->date, &b->date);
	case MIF_V_OVERLAY:
		return a->len == b->len &&
		    (a->len == 0 || memcmp(a->str, b->str, a->len) == 0);
	default:
		return true;
	}
}

/* Kinds that compare equal share a tag. */
enum { TAG_NUMBER = 1, TAG_BYTES, TAG_DATE, TAG_OVERLAY, TAG_OTHER };

uint64_t
mif_value_hash(const mif_value *v)
{
	bool neg;
	uint64_t mag;

	if (is_number(v, &neg, &mag))
		return mif_hash_u64(mag ^ (neg ? 0x8000000000000000u : 0)) ^ TAG_NUMBER;
	if (is_bytes(v))
		return mif_hash_bytes(v->str, v->len) + TAG_BYTES;
	switch (v->kind) {
	case MIF_V_DATE: {
		const mif_date *d = &v->date;
		uint64_t h = TAG_DATE;
		int32_t f[] = { d->year, d->month, d->day, d->hour, d->minute,
		    d->second, d->microsecond, d->utc_offset };
		for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
			h = mif_hash_u64(h ^ (uint32_t)f[i]);
		return h;
	}
	case MIF_V_OVERLAY:
		return mif_hash_bytes(v->str, v->len) + TAG_OVERLAY;
	default:
		return mif_hash_u64(TAG_OTHER + (uint64_t)v->kind);
	}
}

/* ---- writing ---------------------------------------------------------- */

static void
put_text(mif_sink *k, const char *s, size_t len, unsigned flags)
{
	if (flags & MIF_FORMAT_ESCAPE)
		mif_sink_escape(k, s, len, 0);
	else
		mif_sink_put(k, s, len);
}

static void
format(const mif_value *v, unsigned flags, mif_sink *k)
{
	char num[32], date[MIF_DATE_LEN + 1];
	int n = 0;

	switch (v->kind) {
	case MIF_V_ABSENT:
		break;
	case MIF_V_SIGNED:
		n = snprintf(num, sizeof num, "%" PRId64, v->i);
		mif_sink_put(k, num, (size_t)n);
		break;
	case MIF_V_UNSIGNED:
		n = snprintf(num, sizeof num, "%" PRIu64, v->u);
		mif_sink_put(k, num, (size_t)n);
		break;
	case MIF_V_STRING:
	case MIF_V_OCTETS:
		put_text(k, v->str, v->len, flags);
		break;
	case MIF_V_DATE:
		if (v->str != NULL)
			put_text(k, v->str, v->len, flags);
		else
			mif_sink_put(k, mif_date_format(&v->date, date), MIF_DATE_LEN);
		break;
	case MIF_V_ENUM:
		if (v->str != NULL) {
			put_text(k, v->str, v->len, flags);
		} else {
			bool neg;
			uint64_t mag;
			is_number(v, &neg, &mag);
			n = neg ? snprintf(num, sizeof num, "%" PRId64, v->i)
			    : snprintf(num, sizeof num, "%" PRIu64, mag);
			mif_sink_put(k, num, (size_t)n);
		}
		break;
	case MIF_V_UNKNOWN:
		mif_sink_put(k, "UNKNOWN", 7);
		break;
	case MIF_V_UNSUPPORTED:
		mif_sink_put(k, "UNSUPPORTED", 11);
		break;
	case MIF_V_OVERLAY:
		mif_sink_put(k, "*\"", 2);
		put_text(k, v->str, v->len, flags);
		mif_sink_put(k, "\"", 1);
		break;
	}
}

size_t
mif_value_format(const mif_value *value, unsigned flags, char *buf,
    size_t size)
{
	mif_sink k = { .buf = buf, .size = size };

	format(value, flags, &k);
	return mif_sink_end(&k);
}

void
mif_value_put(mif_buf *buf, const mif_value *value, unsigned flags)
{
	char small[256];
	size_t n = mif_value_format(value, flags, small, sizeof small);
	char *text = n < sizeof small ? small : malloc(n + 1);

	if (text == NULL) {
		buf->nomem = true;
		return;
	}
	if (text != small)
		mif_value_format(value, flags, text, n + 1);
	mif_buf_put(buf, text, n);
	if (text != small)
		free(text);
}

bool
mif_value_print(const mif_value *value, unsigned flags, FILE *fp)
{
	mif_sink k = { .fp = fp };

	format(value, flags, &k);
	return !k.failed;
}

bool
mif_value_json_print(const mif_value *value, FILE *fp)
{
	switch (value->kind) {
	case MIF_V_ABSENT:
		return fputs("null", fp) != EOF;
	case MIF_V_SIGNED:
	case MIF_V_UNSIGNED:
		return mif_value_print(value, 0, fp);
	case MIF_V_ENUM:
		if (value->str == NULL) /* no symbol: the number */
			return mif_value_print(value, 0, fp);
		break;
	default:
		break;
	}
	/* strings, octets, dates, symbols, UNKNOWN, UNSUPPORTED and
	 * overlays: their text, as mif_value_format() writes it raw */
	size_t n = mif_value_format(value, 0, NULL, 0);
	char small[256];
	char *buf = n < sizeof small ? small : malloc(n + 1);
	if (buf == NULL)
		return false;
	mif_value_format(value, 0, buf, n + 1);
	bool ok = mif_json_print(buf, n, fp);
	if (buf != small)
		free(buf);
	return ok;
}
