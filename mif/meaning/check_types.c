/*
 * Values against types: integer ranges, strings where numbers belong and
 * the reverse, string sizes, dates, enum symbols and overlays.
 *
 * String sizes count characters, whatever the source encoding: in the
 * default ISO 8859-1 a character is an octet, and the Windows tools that
 * write UTF-16 or UTF-8 MIFs size their fields in characters too, so
 * counting octets of those encodings would reject their files.
 * OCTETSTRING values are counted the same way: each character of the
 * literal (an escape like \xFF included) stands for one octet.
 */
#include <stdio.h>

#include "meaning/check.h"

static bool
is_enum_type(mif_type_kind kind)
{
	return kind == MIF_T_ENUM_NAMED || kind == MIF_T_ENUM_INLINE;
}

/* The attribute's name for a message; computed only when one is due, as
 * values are checked a million times for every message. */
#define ATTR_NAME(c, a, buf) \
	check_block_name((c), (buf), sizeof(buf), (a)->block)

static void
check_overlay(check_ctx *c, const check_attr *a, const mif_stmt *v)
{
	char path[CHECK_QUOTE_MAX], attr[CHECK_QUOTE_MAX];
	const mif_string *name = v->v.str;

	if (check_set_find(&c->paths, check_hash_ptr(name), name,
	    check_same_item, NULL) != NULL)
		return;
	check_report(c, MIF_E_OVERLAY, MIF_ERROR, v->pos, MIF_NOPOS,
	    "overlay *%s of attribute %s names no path of the component",
	    check_quote(path, sizeof path, name), ATTR_NAME(c, a, attr));
}

static void
check_integer(check_ctx *c, const check_attr *a, const mif_stmt *v)
{
	char num[32], type[40], attr[CHECK_QUOTE_MAX];
	mif_type_kind kind = is_enum_type(a->kind) ? a->enm->base : a->kind;

	if (!check_is_integer_type(kind)) {
		check_report(c, MIF_E_TYPE, MIF_ERROR, v->pos, MIF_NOPOS,
		    "value of attribute %s is a number, but its type is %s",
		    ATTR_NAME(c, a, attr),
		    check_type_text(type, sizeof type, kind, a->size));
		return;
	}
	check_range range = check_int_range(kind, v->v.u, v->flags);
	if (range == CHECK_IN_RANGE)
		return;
	check_number_text(num, sizeof num, v->v.u, v->flags);
	ATTR_NAME(c, a, attr);
	if (range == CHECK_NEGATIVE)
		check_report(c, MIF_E_RANGE, MIF_ERROR, v->pos, MIF_NOPOS,
		    "value %s of attribute %s is negative, but its type is %s",
		    num, attr, mif_type_name(kind));
	else
		check_report(c, MIF_E_RANGE, MIF_ERROR, v->pos, MIF_NOPOS,
		    "value %s of attribute %s is out of range for %s (%s)", num,
		    attr, mif_type_name(kind), check_range_text(kind));
}

static void
check_symbol(check_ctx *c, const check_attr *a, const mif_stmt *v)
{
	char sym[CHECK_QUOTE_MAX], found[CHECK_QUOTE_MAX];
	char attr[CHECK_QUOTE_MAX], name[CHECK_QUOTE_MAX];
	char enm[CHECK_QUOTE_MAX + 16];
	bool exact;
	const mif_enum_item *item =
	    check_enum_symbol(a->enm, v->v.str, &exact);

	if (item != NULL && exact)
		return;
	if (a->kind == MIF_T_ENUM_NAMED)
		snprintf(enm, sizeof enm, "enum %s",
		    check_block_name(c, name, sizeof name, a->enum_block));
	else
		snprintf(enm, sizeof enm, "its inline enum");
	check_quote(sym, sizeof sym, v->v.str);
	ATTR_NAME(c, a, attr);
	if (item == NULL)
		check_report(c, MIF_E_ENUM, MIF_ERROR, v->pos, MIF_NOPOS,
		    "value %s of attribute %s is not a symbol of %s", sym, attr,
		    enm);
	else
		check_report_rule(c, MIF_RULE_ENUM_CASE, MIF_WARNING, v->pos, MIF_NOPOS,
		    "value %s of attribute %s matches symbol %s of %s only "
		    "when case is ignored", sym, attr,
		    check_quote(found, sizeof found, item->symbol), enm);
}

static void
check_length(check_ctx *c, const check_attr *a, const mif_stmt *v)
{
	char type[40], attr[CHECK_QUOTE_MAX];
	size_t n = check_char_count(v->v.str);

	if (a->size == 0 || n <= a->size)
		return;
	check_report(c, MIF_E_SIZE, MIF_ERROR, v->pos, MIF_NOPOS,
	    "value of attribute %s is %zu characters long, more than its %s "
	    "allows", ATTR_NAME(c, a, attr), n,
	    check_type_text(type, sizeof type, a->kind, a->size));
}

/* An empty DATE is only a warning: IBM's own toolkit MIFs ship one.
 * SMS 1.2's "MM/DD/YY HH:MM:SS" (Q192497) is an SMS file's date, not a
 * DMI one: the SMS profiles take it. */
static void
check_date_value(check_ctx *c, const check_attr *a, const mif_stmt *v)
{
	char why[128], text[CHECK_QUOTE_MAX], attr[CHECK_QUOTE_MAX];
	const mif_string *s = v->v.str;
	mif_date date;

	if (s->len == 0) {
		check_report_rule(c, MIF_RULE_DATE_EMPTY, MIF_WARNING, v->pos, MIF_NOPOS,
		    "value of attribute %s is an empty DATE, taken as unknown",
		    ATTR_NAME(c, a, attr));
		return;
	}
	if (check_date(s, why, sizeof why) == NULL)
		return;
	bool sms12 = check_date_sms12(s->bytes, s->len, &date);
	if (sms12 && c->profile != MIF_PROFILE_DMI)
		return;
	check_report(c, MIF_E_DATE, MIF_ERROR, v->pos, MIF_NOPOS,
	    "invalid DATE value %s of attribute %s: %s%s",
	    check_quote(text, sizeof text, s), ATTR_NAME(c, a, attr), why,
	    sms12 ? " (SMS 1.2's form, which the SMS profiles take)" : "");
}

static void
check_string(check_ctx *c, const check_attr *a, const mif_stmt *v)
{
	char attr[CHECK_QUOTE_MAX];

	if (check_is_integer_type(a->kind))
		check_report(c, MIF_E_TYPE, MIF_ERROR, v->pos, MIF_NOPOS,
		    "value of attribute %s is a string, but its type is %s",
		    ATTR_NAME(c, a, attr), mif_type_name(a->kind));
	else if (check_is_string_type(a->kind))
		check_length(c, a, v);
	else if (a->kind == MIF_T_DATE)
		check_date_value(c, a, v);
	else if (is_enum_type(a->kind))
		check_symbol(c, a, v);
}

void
check_value(check_ctx *c, const check_attr *a, const mif_stmt *v)
{
	if (c->stop || v == NULL)
		return;
	switch (v->form) {
	case MIF_F_OVERLAY:
		check_overlay(c, a, v);
		return;
	case MIF_F_INTEGER:
	case MIF_F_STRING:
		break;
	default:
		return; /* empty, UNKNOWN, UNSUPPORTED: any type takes them */
	}
	if (a->state != CHECK_TYPE_OK && a->state != CHECK_TYPE_ENUM_CASE)
		return; /* the TYPE's own error says enough */
	if (is_enum_type(a->kind) && a->enm == NULL)
		return;
	if (v->form == MIF_F_INTEGER)
		check_integer(c, a, v);
	else
		check_string(c, a, v);
}
