/*
 * Statements as the builder takes them: which block may hold which
 * statement, what shape each statement's value must have, and repeated
 * statements (the same value: a warning; another value: an error; the
 * first one stays).
 */
#include <string.h>

#include "lang/parse.h"

#define BIT(kw) (1u << (kw))

static bool
is_string_type(int t)
{
	return t == MIF_T_STRING || t == MIF_T_DISPLAYSTRING || t == MIF_T_OCTETSTRING;
}

/* MIF_KW_COUNT + MIF_PLAT_COUNT bits must fit the `seen` set */
_Static_assert(MIF_KW_COUNT + MIF_PLAT_COUNT <= 32, "keyword bits");

static const char *
stmt_word(int kw, int sub)
{
	return kw == MIF_KW_PLATFORM ? mif_platform_name((mif_platform)sub)
	    : mif_keyword_name((mif_keyword)kw);
}

static bool
bad(mif_parser *p, const mif_val *v, const char *word, const char *want)
{
	mif_diag(p->doc, MIF_E_SYNTAX, MIF_ERROR, v->pos, MIF_NOPOS,
	    "%s needs %s", word, want);
	return false;
}

/* Give the value the form its keyword stores; false (reported) if it
 * has the wrong shape. */
static bool
shape(mif_parser *p, int kw, int block_kind, mif_val *v)
{
	const char *w = mif_keyword_name((mif_keyword)kw);

	switch (kw) {
	case MIF_KW_NAME: case MIF_KW_DESCRIPTION: case MIF_KW_CLASS:
	case MIF_KW_LANGUAGE: case MIF_KW_PRAGMA:
		return v->form == MIF_F_STRING || bad(p, v, w, "a string");
	case MIF_KW_ID:
		if (v->form != MIF_F_INTEGER)
			return bad(p, v, w, "a number");
		if ((v->flags & MIF_NEGATIVE) || v->v.u > UINT32_MAX) {
			mif_diag(p->doc, MIF_E_RANGE, MIF_ERROR, v->pos, MIF_NOPOS,
			    "ID out of range (0 to 4294967295)");
			return false;
		}
		return true;
	case MIF_KW_KEY:
		if (v->form == MIF_F_INTEGER) {
			mif_keys *k = mif_arena_alloc(&p->doc->arena,
			    sizeof *k + sizeof k->items[0]);
			if (k == NULL) {
				p->fatal = true;
				return false;
			}
			k->count = 1;
			k->items[0] = (mif_number){ v->v.u, v->flags };
			v->form = MIF_F_KEYS;
			v->flags = 0;
			v->v.keys = k;
		}
		if (v->form != MIF_F_KEYS)
			return bad(p, v, w, "a list of attribute IDs");
		for (uint32_t i = 0; i < v->v.keys->count; i++)
			if (v->v.keys->items[i].flags & MIF_NEGATIVE)
				return bad(p, v, w, "attribute IDs, which are not negative");
		return true;
	case MIF_KW_TYPE:
		if (v->form == MIF_F_STRING && block_kind == MIF_ATTRIBUTE) {
			v->form = MIF_F_TYPE;
			v->sub = MIF_T_ENUM_NAMED;
			return true;
		}
		if (v->form != MIF_F_TYPE || (block_kind == MIF_ENUM &&
		    v->sub == MIF_T_ENUM_INLINE))
			return bad(p, v, w, block_kind == MIF_ENUM ? "a type name" :
			    "a type name, an enum name or START ENUM");
		if ((v->flags & MIF_SIZED) && !is_string_type(v->sub)) {
			mif_diag(p->doc, MIF_E_SIZE, MIF_ERROR, v->pos, MIF_NOPOS,
			    "%s takes no size", mif_type_name((mif_type_kind)v->sub));
			return false;
		}
		v->flags = 0;
		return true;
	case MIF_KW_ACCESS:
		if (v->form == MIF_F_WORD && v->sub >= MIF_W_READ_ONLY &&
		    v->sub <= MIF_W_WRITE_ONLY) {
			v->sub = (uint8_t)(v->sub - MIF_W_READ_ONLY);
			return true;
		}
		return bad(p, v, w, "READ-ONLY, READ-WRITE or WRITE-ONLY");
	case MIF_KW_STORAGE:
		if (v->form == MIF_F_WORD && (v->sub == MIF_W_SPECIFIC ||
		    v->sub == MIF_W_COMMON)) {
			v->sub = v->sub == MIF_W_SPECIFIC ? MIF_STORAGE_SPECIFIC
			    : MIF_STORAGE_COMMON;
			return true;
		}
		return bad(p, v, w, "SPECIFIC or COMMON");
	case MIF_KW_VALUE:
		if (v->form == MIF_F_WORD && v->sub == MIF_W_UNKNOWN) {
			v->form = MIF_F_UNKNOWN;
			v->sub = 0;
		} else if (v->form == MIF_F_WORD && v->sub == MIF_W_UNSUPPORTED) {
			v->form = MIF_F_UNSUPPORTED;
			v->sub = 0;
		}
		return v->form == MIF_F_INTEGER || v->form == MIF_F_STRING ||
		    v->form == MIF_F_OVERLAY || v->form == MIF_F_UNKNOWN ||
		    v->form == MIF_F_UNSUPPORTED ||
		    bad(p, v, w, "a number, a string, an overlay *\"path\", "
		    "UNKNOWN or UNSUPPORTED");
	case MIF_KW_PLATFORM:
		if (v->form == MIF_F_WORD && v->sub == MIF_W_DIRECT) {
			v->form = MIF_F_DIRECT;
			v->sub = 0;
			return true;
		}
		return v->form == MIF_F_STRING ||
		    bad(p, v, "a platform", "a string or DIRECT-INTERFACE");
	default:
		return false;
	}
}

static bool
same_value(const mif_stmt *a, const mif_stmt *b)
{
	if (a->form != b->form || a->sub != b->sub || a->flags != b->flags)
		return false;
	if (a->form == MIF_F_KEYS) {
		const mif_keys *x = a->v.keys, *y = b->v.keys;
		if (x->count != y->count)
			return false;
		for (uint32_t i = 0; i < x->count; i++)
			if (x->items[i].mag != y->items[i].mag ||
			    x->items[i].flags != y->items[i].flags)
				return false;
		return true;
	}
	if (a->form == MIF_F_TYPE && a->sub == MIF_T_ENUM_INLINE)
		return false;
	return a->v.u == b->v.u; /* strings are interned: same text, same pointer */
}

/* A statement given again: the first one stays. */
static void
report_repeat(mif_parser *p, const mif_stmt *first, const mif_stmt *again)
{
	unsigned line = mif_doc_line_at(p->doc, first->pos);
	const char *word = stmt_word(again->kw, again->sub);

	if (same_value(first, again))
		mif_diag(p->doc, MIF_E_DUPLICATE, MIF_WARNING, again->pos, first->pos,
		    "%s repeated (first at line %u)", word, line);
	else
		mif_diag(p->doc, MIF_E_CONFLICT, MIF_ERROR, again->pos, first->pos,
		    "%s given again with another value (first at line %u)",
		    word, line);
}

/* LANGUAGE before START COMPONENT, as the DMI documents allow it once a
 * file: kept until the component opens, which takes it as its own
 * first statement (mif_build_open). */
static void
file_language(mif_parser *p, mif_loc kwloc, const mif_val *val)
{
	mif_stmt s = *val;

	if (!shape(p, MIF_KW_LANGUAGE, MIF_NO_KIND, &s))
		return;
	s.pos = kwloc.pos;
	s.kw = MIF_KW_LANGUAGE;
	if (p->has_file_language)
		report_repeat(p, &p->file_language, &s);
	else
		p->file_language = s;
	p->has_file_language = true;
}

void
mif_build_stmt(mif_parser *p, int kwtok, mif_loc kwloc, const mif_val *val)
{
	int kw = MIF_KWTOK_KW(kwtok), sub = MIF_KWTOK_SUB(kwtok);
	mif_build_level *l = p->depth > 0 ? &p->level[p->depth - 1] : NULL;
	/* a platform statement is repeated only for the same platform */
	unsigned bit = kw == MIF_KW_PLATFORM ? BIT(MIF_KW_COUNT + sub) : BIT(kw);

	if (val->form == MIF_F_NONE)
		return; /* a value the grammar already reported */
	if (l == NULL && kw == MIF_KW_LANGUAGE && !p->component_opened) {
		file_language(p, kwloc, val);
		return;
	}
	if (l == NULL) {
		mif_diag(p->doc, MIF_E_STATEMENT, MIF_ERROR, kwloc.pos, MIF_NOPOS,
		    "%s outside a component", stmt_word(kw, sub));
		return;
	}
	if (l->misplaced)
		return;
	if (!mif_kind_takes((int)l->kind, kw)) {
		mif_diag(p->doc, MIF_E_STATEMENT, MIF_ERROR, kwloc.pos, MIF_NOPOS,
		    "%s is not allowed in %s %s", stmt_word(kw, sub),
		    l->kind == MIF_ATTRIBUTE || l->kind == MIF_ENUM ? "an" : "a",
		    mif_kind_word(l->kind));
		return;
	}
	mif_stmt s = *val;
	if (!shape(p, kw, l->kind, &s)) {
		/* the block now lacks the statement: that is reported already */
		l->damaged = true;
		return;
	}
	s.pos = kwloc.pos;
	s.kw = (uint8_t)kw;
	if (kw == MIF_KW_PLATFORM)
		s.sub = (uint8_t)sub;
	for (size_t i = 0; (l->seen & bit) && i < l->nstmts; i++) {
		const mif_stmt *first = &l->stmts[i];
		if (first->kw != s.kw || (kw == MIF_KW_PLATFORM && first->sub != s.sub))
			continue;
		report_repeat(p, first, &s);
		return;
	}
	if (l->nstmts == UINT16_MAX) {
		mif_diag(p->doc, MIF_E_STATEMENT, MIF_ERROR, s.pos, MIF_NOPOS,
		    "too many statements in one block");
		return;
	}
	if (!mif_vec_reserve((void **)&l->stmts, &l->stmts_cap, l->nstmts,
	    sizeof *l->stmts)) {
		p->fatal = true;
		return;
	}
	l->stmts[l->nstmts++] = s;
	l->seen |= bit;
}
