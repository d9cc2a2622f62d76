/*
 * The MIF grammar.  It is deliberately generic: a block holds items
 * (statements, blocks, table rows, enumeration pairs) in any order, and
 * the builder (mif/build.c) decides which item may stand in which block.
 * That keeps the grammar free of conflicts and lets the messages name the
 * block and the statement ("KEY is not allowed in an attribute") rather
 * than list every token bison expected.  START and END always pair up
 * here: the token wrapper (mif/parse.c) reports and repairs blocks left
 * open or closed twice before the grammar sees them.
 */
%define api.pure full
%define api.prefix {mif_yy}
%define api.location.type {mif_loc}
%define parse.error custom
%locations
%expect 0
%param {mif_parser *p}

%code requires {
#include "lang/parse.h"
}

%code provides {
int mif_yylex(MIF_YYSTYPE *lval, MIF_YYLTYPE *lloc, mif_parser *p);
}

%code {
#include <stdio.h>
#include <string.h>

static void mif_yyerror(const mif_loc *loc, mif_parser *p, const char *msg);

/* KEYWORD_EQ stands for the two tokens KEYWORD and EQ: after a syntax
 * error, bison reports the next one only once three tokens have been
 * shifted, and a keyword with its "=" must count as two of them, or a
 * message would be lost that the two tokens gave.  yyerrstatus is that
 * count, local to yyparse() in bison's skeleton. */
#define YY_SHIFTED_TWO() do { if (yyerrstatus > 0) yyerrstatus--; } while (0)

#define YYLLOC_DEFAULT(cur, rhs, n)                                  \
	do {                                                         \
		if (n) {                                             \
			(cur).pos = YYRHSLOC(rhs, 1).pos;            \
			(cur).end = YYRHSLOC(rhs, n).end;            \
		} else {                                             \
			(cur).pos = (cur).end = YYRHSLOC(rhs, 0).end; \
		}                                                    \
	} while (0)
}

%union {
	const mif_string *str;
	mif_number num;
	int word;
	mif_val val;
	const mif_block *block;
}

%token <word> START_BLOCK "START"
%token <word> END_BLOCK "END"
%token <word> KEYWORD "keyword"
%token <word> KEYWORD_EQ "keyword ="
%token <word> TYPEWORD "type name"
%token <word> WORD "value word"
%token <str> STRING_LIT "string"
%token <num> INTEGER_LIT "number"
%token EQ "="
%token LPAREN "("
%token RPAREN ")"
%token LBRACE "{"
%token RBRACE "}"
%token COMMA ","
%token STAR "*"
%token LEXERROR "invalid token"

%type <str> string
%type <val> value cell
%type <block> block

%%

file:
	  items
	;

items:
	  %empty
	| items item
	;

item:
	  KEYWORD EQ value          { mif_build_stmt(p, $1, @1, &$3); }
	| KEYWORD_EQ                { YY_SHIFTED_TWO(); }
	  value                     { mif_build_stmt(p, $1, @1, &$3); }
	| INTEGER_LIT EQ value      { mif_build_enum_pair(p, $1, @1, &$3); }
	| block                     { mif_build_attach(p, $1); }
	| row
	| error                     { mif_build_damaged(p); }
	;

block:
	  START_BLOCK               { mif_build_open(p, $1, @1);
	                              if (p->split != NULL)
	                                      mif_split_opened(p, @1.pos, YYRECOVERING()); }
	  items END_BLOCK           { $$ = mif_build_close(p, @4);
	                              if (p->split != NULL)
	                                      mif_split_closed(p, YYRECOVERING()); }
	;

value:
	  numbers                   { $$ = mif_build_numbers(p, @1); }
	| string                    { $$ = (mif_val){ .pos = @1.pos, .form = MIF_F_STRING, .v.str = $1 }; }
	| STAR string               { $$ = (mif_val){ .pos = @1.pos, .form = MIF_F_OVERLAY, .v.str = $2 }; }
	| WORD                      { $$ = (mif_val){ .pos = @1.pos, .form = MIF_F_WORD, .sub = (uint8_t)$1 }; }
	| TYPEWORD                  { $$ = (mif_val){ .pos = @1.pos, .form = MIF_F_TYPE, .sub = (uint8_t)$1 }; }
	| TYPEWORD LPAREN INTEGER_LIT RPAREN {
		$$ = (mif_val){ .pos = @1.pos, .form = MIF_F_TYPE, .sub = (uint8_t)$1,
		    .flags = MIF_SIZED, .v.u = $3.mag };
		if ($3.flags & MIF_NEGATIVE)
			mif_diag(p->doc, MIF_E_SIZE, MIF_ERROR, @3.pos, MIF_NOPOS,
			    "a size cannot be negative");
	  }
	| block                     { $$ = mif_build_block_value(p, $1, @1); }
	;

numbers:
	  INTEGER_LIT               { p->nnums = 0; mif_build_number(p, $1); }
	| numbers COMMA INTEGER_LIT { mif_build_number(p, $3); }
	;

string:
	  pieces                    { $$ = mif_build_string_end(p); }
	;

pieces:
	  STRING_LIT                { mif_build_string_begin(p, $1); }
	| pieces STRING_LIT         { mif_build_string_more(p, $2, @2); }
	;

row:
	  LBRACE                    { mif_build_row_begin(p, @1); }
	  cells RBRACE              { mif_build_row_end(p, @4); }
	;

cells:
	  cell                      { mif_build_cell(p, &$1); }
	| cells COMMA cell          { mif_build_cell(p, &$3); }
	;

cell:
	  %empty                    { $$ = (mif_val){ .pos = @$.pos, .form = MIF_F_NONE }; }
	| INTEGER_LIT               { $$ = (mif_val){ .pos = @1.pos, .form = MIF_F_INTEGER, .flags = $1.flags, .v.u = $1.mag }; }
	| string                    { $$ = (mif_val){ .pos = @1.pos, .form = MIF_F_STRING, .v.str = $1 }; }
	| STAR string               { $$ = (mif_val){ .pos = @1.pos, .form = MIF_F_OVERLAY, .v.str = $2 }; }
	| WORD                      { $$ = (mif_val){ .pos = @1.pos, .form = MIF_F_WORD, .sub = (uint8_t)$1 }; }
	;

%%

/* How a token reads in a message: punctuation quoted, START and END
 * with their block, keywords and words as written in canonical form. */
static const char *
describe(yysymbol_kind_t sym, const mif_parser *p, bool lookahead,
    char *buf, size_t len)
{
	const char *name = yysymbol_name(sym);

	if (lookahead && p->last_tok == START_BLOCK && sym == YYSYMBOL_START_BLOCK)
		snprintf(buf, len, "START %s", mif_block_kind_name(p->last_word));
	else if (lookahead && p->last_tok == END_BLOCK && sym == YYSYMBOL_END_BLOCK)
		snprintf(buf, len, "END %s", mif_block_kind_name(p->last_word));
	else if (lookahead && (p->last_tok == KEYWORD || p->last_tok == KEYWORD_EQ) &&
	    (sym == YYSYMBOL_KEYWORD || sym == YYSYMBOL_KEYWORD_EQ))
		snprintf(buf, len, "%s", MIF_KWTOK_KW(p->last_word) == MIF_KW_PLATFORM
		    ? mif_platform_name(MIF_KWTOK_SUB(p->last_word))
		    : mif_keyword_name(MIF_KWTOK_KW(p->last_word)));
	else if (lookahead && p->last_tok == TYPEWORD && sym == YYSYMBOL_TYPEWORD)
		snprintf(buf, len, "%s", mif_type_name(p->last_word));
	else if (strlen(name) == 1)
		snprintf(buf, len, "\"%s\"", name);
	else
		snprintf(buf, len, "%s", name);
	return buf;
}

static int
yyreport_syntax_error(const yypcontext_t *ctx, mif_parser *p)
{
	yysymbol_kind_t got = yypcontext_token(ctx);
	const mif_loc *loc = yypcontext_location(ctx);

	/* the scanner has reported its own invalid tokens */
	if (got == YYSYMBOL_LEXERROR)
		return 0;

	yysymbol_kind_t want[YYNTOKENS];
	int n = yypcontext_expected_tokens(ctx, want, YYNTOKENS), kept = 0;
	/* a keyword and its "=" are one token where a statement starts:
	 * say "keyword", as for a keyword alone */
	for (int i = 0; i < n; i++)
		if (want[i] != YYSYMBOL_KEYWORD_EQ)
			want[kept++] = want[i];
	n = kept;
	char text[200], word[40];
	size_t used = (size_t)snprintf(text, sizeof text, "unexpected %s",
	    describe(got, p, true, word, sizeof word));
	/* a long list reads better as what it amounts to */
	bool value = false, item = false;
	for (int i = 0; i < n; i++) {
		value |= want[i] == YYSYMBOL_WORD;
		item |= want[i] == YYSYMBOL_KEYWORD;
	}
	if (n > 4 && value)
		snprintf(text + used, sizeof text - used, ", expecting a value");
	else if (n > 4 && item)
		snprintf(text + used, sizeof text - used,
		    ", expecting a statement, a block or END");
	for (int i = 0; n <= 4 && i < n && used < sizeof text; i++)
		used += (size_t)snprintf(text + used, sizeof text - used, "%s%s",
		    i == 0 ? ", expecting " : " or ",
		    describe(want[i], p, false, word, sizeof word));
	mif_parse_error(p, MIF_E_SYNTAX, loc->pos, MIF_NOPOS, "%s", text);
	return 0;
}

static void
mif_yyerror(const mif_loc *loc, mif_parser *p, const char *msg)
{
	/* only "memory exhausted" reaches here with parse.error custom */
	mif_diag(p->doc, MIF_E_NOMEM, MIF_FATAL, loc->pos, MIF_NOPOS, "%s", msg);
}
