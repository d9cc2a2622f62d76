/*
 * The parse driver and the token wrapper between scanner and grammar.
 *
 * The wrapper keeps the blocks that the token stream has opened.  When a
 * START names a block that cannot stand inside the innermost open one
 * but can inside an outer one (START GROUP while a group is open), or an
 * END closes an outer block, or the file ends with blocks open, it
 * reports the block left open once, with its START as the context place,
 * and hands the grammar the missing END tokens.  An END with no START is
 * reported and dropped.  So the grammar always sees START and END in
 * pairs, and one forgotten END GROUP costs one message, not a cascade.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "lang/parse.h"
#include "mif.tab.h"

#define YYSTYPE MIF_YYSTYPE
#define YYLTYPE MIF_YYLTYPE
#include "mif.lex.h"

int mif_yyparse(mif_parser *p);

const char *
mif_kind_word(int kind)
{
	static const char *const n[] = {
		"component", "path", "enum", "group", "attribute", "table",
	};
	return kind >= 0 && kind < MIF_BLOCK_KIND_COUNT ? n[kind] : "block";
}

bool
mif_parse_error(mif_parser *p, mif_code code, uint32_t pos,
    uint32_t context_pos, const char *fmt, ...)
{
	if (pos == p->last_error_pos)
		return false;
	p->last_error_pos = pos;
	va_list ap;
	va_start(ap, fmt);
	mif_vdiag(p->doc, code, MIF_ERROR, pos, context_pos, fmt, ap);
	va_end(ap);
	return true;
}

/* Which blocks the token stream lets a block hold: the tree's rule, and
 * an enum inside an attribute (the inline TYPE = START ENUM). */
static bool
may_hold(int parent, int child)
{
	return mif_kind_holds(parent, child) ||
	    (parent == MIF_ATTRIBUTE && child == MIF_ENUM);
}

/* `group "ComponentID" (line 3)` */
static void
describe_open(mif_parser *p, const mif_open_block *b, char *buf, size_t len)
{
	if (p->split != NULL && mif_split_is_synth(p, b->pos)) {
		snprintf(buf, len, "%s", mif_kind_word(b->kind));
		return;
	}
	unsigned line = mif_doc_line_at(p->doc, b->pos);

	if (b->name != NULL)
		snprintf(buf, len, "%s \"%.*s\" (line %u)", mif_kind_word(b->kind),
		    b->name->len > 64 ? 64 : (int)b->name->len, b->name->bytes, line);
	else
		snprintf(buf, len, "%s (line %u)", mif_kind_word(b->kind), line);
}

static void
queue(mif_parser *p, int tok, int kind, mif_loc loc)
{
	p->pending[p->npending++] = (struct pending_token){ tok, kind, loc };
}

/* Queue END tokens closing every open block above `keep`. */
static void
close_above(mif_parser *p, int keep, uint32_t at)
{
	while (p->nopen > keep) {
		const mif_open_block *b = &p->open[--p->nopen];
		queue(p, END_BLOCK, b->kind, (mif_loc){ at, at });
	}
}

/* The block of the innermost open entry that may hold `kind`, or -1. */
static int
holder_of(const mif_parser *p, int kind)
{
	for (int i = p->nopen - 1; i >= 0; i--)
		if (may_hold(p->open[i].kind, kind))
			return i;
	return may_hold(MIF_NO_KIND, kind) ? -1 : -2;
}

static void
on_start(mif_parser *p, int kind, mif_loc loc)
{
	char what[160];
	int top = p->nopen > 0 ? (int)p->open[p->nopen - 1].kind : MIF_NO_KIND;

	if (p->split != NULL && mif_split_cancelled(p)) {
		p->fatal = true;
		return;
	}

	if (!may_hold(top, kind)) {
		int h = holder_of(p, kind);
		if (h >= -1 && p->nopen > 0) {
			const mif_open_block *b = &p->open[p->nopen - 1];
			describe_open(p, b, what, sizeof what);
			mif_parse_error(p, MIF_E_UNCLOSED, loc.pos, b->pos,
			    "START %s while %s is still open",
			    mif_block_kind_name(kind), what);
			if (h == -1 && p->split != NULL)
				mif_split_closes_component(p);
			close_above(p, h + 1, loc.pos);
		} else if (p->nopen == 0) {
			mif_diag(p->doc, MIF_E_SYNTAX, MIF_ERROR, loc.pos, MIF_NOPOS,
			    "START %s outside a component", mif_block_kind_name(kind));
		} else {
			describe_open(p, &p->open[p->nopen - 1], what, sizeof what);
			mif_diag(p->doc, MIF_E_SYNTAX, MIF_ERROR, loc.pos, MIF_NOPOS,
			    "START %s cannot stand in %s", mif_block_kind_name(kind), what);
		}
	} else if (kind == MIF_COMPONENT && p->seen_component) {
		mif_diag(p->doc, MIF_E_SYNTAX, MIF_ERROR, loc.pos, MIF_NOPOS,
		    "a second component: a MIF file holds one");
	}
	if (kind == MIF_COMPONENT)
		p->seen_component = true;
	if (p->nopen == MIF_MAX_DEPTH) {
		mif_diag(p->doc, MIF_E_SYNTAX, MIF_FATAL, loc.pos, MIF_NOPOS,
		    "blocks nested more than %d deep", MIF_MAX_DEPTH);
		p->fatal = true;
		return;
	}
	p->open[p->nopen++] = (mif_open_block){ (mif_block_kind)kind, loc.pos, NULL };
	queue(p, START_BLOCK, kind, loc);
}

static void
on_end(mif_parser *p, int kind, mif_loc loc)
{
	char what[160];
	int i = p->nopen - 1;

	while (i >= 0 && (int)p->open[i].kind != kind)
		i--;
	if (i < 0) {
		mif_parse_error(p, MIF_E_UNMATCHED, loc.pos, MIF_NOPOS,
		    "END %s without START %s", mif_block_kind_name(kind),
		    mif_block_kind_name(kind));
		return;
	}
	if (i < p->nopen - 1) {
		const mif_open_block *b = &p->open[p->nopen - 1];
		describe_open(p, b, what, sizeof what);
		mif_parse_error(p, MIF_E_UNCLOSED, loc.pos, b->pos,
		    "END %s while %s is still open", mif_block_kind_name(kind), what);
		close_above(p, i + 1, loc.pos);
	}
	p->nopen--;
	queue(p, END_BLOCK, kind, loc);
	if (p->nopen == 0 && p->split != NULL && mif_split_stop_end(p, &loc)) {
		queue(p, 0, 0, loc);
		p->at_eof = true;
	}
}

static void
on_eof(mif_parser *p)
{
	uint32_t at = (uint32_t)p->doc->text_len;
	char what[160];

	if (p->nopen > 0) {
		const mif_open_block *b = &p->open[p->nopen - 1];
		if (p->split == NULL || !mif_split_stop_eof(p, p->nopen)) {
			describe_open(p, b, what, sizeof what);
			mif_diag(p->doc, MIF_E_UNCLOSED, MIF_ERROR, at, b->pos,
			    "end of file while %s is still open", what);
		}
		close_above(p, 0, at);
	} else if (!p->seen_component) {
		mif_diag(p->doc, MIF_E_MISSING, MIF_ERROR, at, MIF_NOPOS,
		    "no START COMPONENT in the file");
	}
	queue(p, 0, 0, (mif_loc){ at, at });
	p->at_eof = true;
}

/* Remember a block's NAME as soon as the stream shows NAME = "x", for
 * messages: p->name_seen says how far the tokens so far went into it. */
enum { NAME_NONE, NAME_KEYWORD, NAME_EQUALS };

static void
note_name(mif_parser *p, int tok, const MIF_YYSTYPE *lval)
{
	bool name = (tok == KEYWORD || tok == KEYWORD_EQ) &&
	    MIF_KWTOK_KW(lval->word) == MIF_KW_NAME;

	if (tok == STRING_LIT && p->name_seen == NAME_EQUALS &&
	    p->nopen > 0 && p->open[p->nopen - 1].name == NULL)
		p->open[p->nopen - 1].name = lval->str;
	p->name_seen = name ? (tok == KEYWORD_EQ ? NAME_EQUALS : NAME_KEYWORD)
	    : tok == EQ && p->name_seen == NAME_KEYWORD ? NAME_EQUALS
	    : NAME_NONE;
}

int
mif_yylex(MIF_YYSTYPE *lval, MIF_YYLTYPE *lloc, mif_parser *p)
{
	while (p->next_pending == p->npending) {
		p->npending = p->next_pending = 0;
		if (p->fatal || p->doc->stopped) {
			if (!p->at_eof) {
				p->at_eof = true;
				close_above(p, 0, (uint32_t)p->doc->text_len);
				queue(p, 0, 0, (mif_loc){ 0, 0 });
			}
			continue;
		}
		if (p->at_eof)
			return 0;
		int tok = mif_scan_lex(lval, lloc, p->scanner);
		if (lloc->pos >= p->split_at)
			mif_split_reached(p, tok, lval->word, lloc);
		if (tok == START_BLOCK)
			on_start(p, lval->word, *lloc);
		else if (tok == END_BLOCK)
			on_end(p, lval->word, *lloc);
		else if (tok == 0)
			on_eof(p);
		else {
			note_name(p, tok, lval);
			p->last_tok = tok;
			p->last_word = lval->word;
			return tok;
		}
	}
	const struct pending_token *t = &p->pending[p->next_pending++];
	*lloc = t->loc;
	lval->word = t->kind;
	p->name_seen = NAME_NONE;
	p->last_tok = t->tok;
	p->last_word = t->kind;
	return t->tok;
}

_Noreturn void
mif_parse_abandon(mif_parser *p)
{
	longjmp(p->abandon, 1);
}

/* The grammar over the scanner; false when the parse was abandoned.  A
 * function of its own, so that nothing of its caller's is live across
 * the longjmp. */
static bool
run_grammar(mif_parser *p)
{
	if (setjmp(p->abandon) != 0)
		return false;
	mif_yyparse(p);
	return true;
}

void
mif_parser_init(mif_parser *p, mif_doc *doc)
{
	memset(p, 0, sizeof *p);
	p->doc = doc;
	p->newline_seen = true;
	p->last_error_pos = MIF_NOPOS;
	p->split_at = UINT32_MAX;
}

bool
mif_parser_run(mif_parser *p)
{
	if (mif_scan_lex_init_extra(p, &p->scanner) != 0) {
		p->scanner = NULL;
		mif_diag(p->doc, MIF_E_NOMEM, MIF_FATAL, MIF_NOPOS, MIF_NOPOS,
		    "out of memory");
		return false;
	}
	if (!run_grammar(p) || (p->fatal && !p->doc->stopped &&
	    p->doc->nerrors == 0)) {
		mif_diag(p->doc, MIF_E_NOMEM, MIF_FATAL, MIF_NOPOS, MIF_NOPOS,
		    "out of memory");
		return false;
	}
	return true;
}

void
mif_parser_free(mif_parser *p)
{
	if (p->scanner != NULL)
		mif_scan_lex_destroy(p->scanner);
	p->scanner = NULL;
	mif_build_free(p);
	free(p->scratch);
	free(p->long_text);
}

void
mif_parse_resume(mif_parser *p, int stop, mif_loc stop_loc, uint32_t resume)
{
	/* the block opened at the split: closed at once and dropped, as
	 * the second part has it */
	const mif_open_block *b = &p->open[--p->nopen];
	p->level[p->depth - 1].misplaced = true;
	p->npending = p->next_pending = 0;
	queue(p, END_BLOCK, b->kind, (mif_loc){ b->pos, b->pos });
	if (stop == MIF_SPLIT_STOP_END) {
		on_end(p, MIF_COMPONENT, stop_loc);
	} else if (stop == MIF_SPLIT_STOP_EOF_CLOSED) {
		uint32_t at = (uint32_t)p->doc->text_len;
		close_above(p, 0, at);
		queue(p, 0, 0, (mif_loc){ at, at });
		p->at_eof = true;
	}
	/* on from where the second part stopped, after a token */
	p->fed = p->consumed = resume;
	p->newline_seen = false;
	mif_scan_restart(NULL, p->scanner);
}

void
mif_parse_text(mif_doc *doc, unsigned max_errors, unsigned threads)
{
	mif_parse_text_split(doc, max_errors, threads, MIF_SPLIT_MIN_DEFAULT,
	    MIF_NOPOS);
}
