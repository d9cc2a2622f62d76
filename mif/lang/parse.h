/*
 * What the scanner (grammar/mif.l), the grammar (grammar/mif.y) and the
 * tree builder (mif/build.c, mif/blocks.c) share.  One mif_parser per parse; no
 * globals, so parses run in parallel.
 */
#ifndef MIF_PARSE_H
#define MIF_PARSE_H

#include <setjmp.h>

#include "lang/internal.h"
#include "lang/parse_split.h"

/* A token's place in the text: [pos, end). */
typedef struct mif_loc {
	uint32_t pos;
	uint32_t end;
} mif_loc;

/* Words that stand as values (VALUE = UNKNOWN, ACCESS = READ-ONLY, ...). */
enum mif_word {
	MIF_W_UNKNOWN, MIF_W_UNSUPPORTED, MIF_W_DIRECT,
	MIF_W_READ_ONLY, MIF_W_READ_WRITE, MIF_W_WRITE_ONLY,
	MIF_W_SPECIFIC, MIF_W_COMMON,
};

/* A KEYWORD token's value: the keyword, and for PLATFORM which one. */
#define MIF_KWTOK(kw, sub) ((kw) | (sub) << 8)
#define MIF_KWTOK_KW(t) ((t) & 0xFF)
#define MIF_KWTOK_SUB(t) ((t) >> 8)

/* Flag on a TYPE value: a size in parentheses was written. */
#define MIF_SIZED 0x10u

/* Block flag (mif_block.reserved): reported as misplaced, not attached. */
#define MIF_BLOCK_MISPLACED 0x01u

/* Blocks nest at most this deep, misplaced ones included. */
#define MIF_MAX_DEPTH 8

/* One open block of the builder. */
typedef struct mif_build_level {
	mif_block_kind kind;
	uint32_t pos;
	bool misplaced;      /* reported already; dropped when closed */
	bool row_ok;         /* the row being read stands in a table */
	bool damaged;        /* a syntax error was recovered from inside */
	unsigned seen;       /* keywords given so far, as bits */
	mif_stmt *stmts;     /* scratch kept across blocks of this depth */
	size_t nstmts, stmts_cap;
	mif_enum_item *items;
	size_t nitems, items_cap;
	mif_block *first, *last; /* children */
	mif_row *first_row, *last_row;
	uint32_t count;
	/* what the document held when the block opened, to go back to when
	 * the block is dropped (mif_parse_options.keep_block) */
	mif_arena_mark arena_mark;
	size_t strings_mark, comments_mark;
	/* what it held after its first row handed to a row hook, to go
	 * back to when a later one is dropped (mif_parse_path_rows()) */
	bool row_marked;
	mif_arena_mark row_arena;
	size_t row_strings, row_comments, row_nstmts;
	uint32_t rows_handed;
} mif_build_level;

/* One open block as the token stream shows it (for nesting repair). */
typedef struct mif_open_block {
	mif_block_kind kind;
	uint32_t pos;
	const mif_string *name;
} mif_open_block;

typedef struct mif_parser {
	mif_doc *doc;
	void *scanner;          /* yyscan_t */

	/* scanner state */
	size_t fed;             /* bytes of the text handed to flex */
	size_t given_back;      /* of them, those given back (source.c) */
	uint32_t consumed;      /* bytes of the text matched: the place */
	bool newline_seen;      /* a line end since the last token */
	uint32_t word_pos;      /* where START or END began */
	bool word_is_end;
	char *scratch;          /* decoded strings */
	size_t scratch_cap;
	/* a token read in pieces (grammar/mif.l, mif/lex_long.c) */
	char *long_text;        /* its first MIF_MAX_TOKEN + 1 bytes at most */
	size_t long_len;        /* its whole length */
	uint32_t long_pos;      /* where it starts */
	int long_return;        /* the start condition it began in */

	/* token wrapper: block nesting as the stream shows it */
	mif_open_block open[MIF_MAX_DEPTH];
	int nopen;
	bool seen_component;
	int name_seen;          /* how far into NAME = "x" (parse.c) */
	struct pending_token {
		int tok;
		int kind;
		mif_loc loc;
	} pending[MIF_MAX_DEPTH + 1];
	int npending, next_pending;
	bool at_eof;
	bool fatal;
	int last_tok, last_word;  /* what the grammar was handed last */
	uint32_t last_error_pos;  /* where the last syntax or nesting error was */             /* stop: too deep, out of memory, too many */

	/* builder */
	mif_build_level level[MIF_MAX_DEPTH + 1];
	int depth;              /* open builder levels */
	bool component_opened;  /* a START COMPONENT at the top was read */
	bool has_file_language; /* a LANGUAGE before it: */
	mif_stmt file_language;
	mif_number *nums;       /* number list of the statement being read */
	size_t nnums, nums_cap;
	mif_stmt *cells;        /* cells of the row being read */
	size_t ncells, cells_cap;
	uint32_t row_pos;
	const mif_string *piece;  /* the string being read, while one literal */
	char *joined;           /* its literals joined, once there are more */
	size_t joined_len;
	bool joined_many, joined_over; /* more than one; too long, cut */

	jmp_buf abandon;        /* where mif_parse_abandon() lands */

	/* parsing in two parts (parse_split.c); NULL for a whole parse */
	struct mif_split *split;
	uint32_t split_at;      /* the first part's watch: UINT32_MAX, none */
} mif_parser;

/* The grammar's view of a value: a statement without keyword. */
typedef mif_stmt mif_val;

/* ---- scanner support (mif/lex_support.c) ---- */

/* The token for a word (case-insensitive); *value receives its value. */
int mif_lex_word(const char *text, size_t len, int *value);
/* The block kind named by a word after START/END, or -1. */
int mif_lex_block_word(const char *text, size_t len);
/* Decode a string literal's body (without quotes) and intern it
 * (mif/lex_string.c); body holds its first MIF_MAX_TOKEN + 1 bytes at
 * least, and a longer one is reported and cut. */
const mif_string *mif_lex_string(mif_parser *p, const char *body, size_t len,
    uint32_t pos);
/* Read an integer literal; reports malformed ones. */
mif_number mif_lex_number(mif_parser *p, const char *text, size_t len,
    uint32_t pos);
/* Keep a comment's text (after the //); text holds its first
 * MIF_MAX_TOKEN + 1 bytes at least, and a longer one is reported and cut. */
void mif_lex_comment(mif_parser *p, const char *text, size_t len, uint32_t pos);
/* Report a word that is no keyword. */
void mif_lex_unknown_word(mif_parser *p, const char *text, size_t len,
    uint32_t pos);
void mif_lex_bad_char(mif_parser *p, const char *text, size_t len, uint32_t pos);

/* ---- tokens read in pieces (mif/lex_long.c) ---- */

/* Begin a token with its first piece, in start condition `sc`. */
void mif_lex_long_begin(mif_parser *p, const char *text, size_t len,
    uint32_t pos, int sc);
void mif_lex_long_add(mif_parser *p, const char *text, size_t len);
/* The token read, as mif_lex_string(), mif_lex_comment(),
 * mif_lex_number() and mif_lex_unknown_word() take it; a word or number
 * over MIF_MAX_TOKEN is reported as such. */
const mif_string *mif_lex_long_string(mif_parser *p, bool closed);
void mif_lex_long_comment(mif_parser *p);
mif_number mif_lex_long_number(mif_parser *p);
void mif_lex_long_word(mif_parser *p);

/* ---- builder (mif/build.c) ---- */

void mif_build_open(mif_parser *p, int kind, mif_loc loc);
const mif_block *mif_build_close(mif_parser *p, mif_loc loc);
void mif_build_attach(mif_parser *p, const mif_block *block);
void mif_build_stmt(mif_parser *p, int kwtok, mif_loc kwloc, const mif_val *val);
void mif_build_enum_pair(mif_parser *p, mif_number num, mif_loc loc,
    const mif_val *val);
void mif_build_row_begin(mif_parser *p, mif_loc loc);
void mif_build_cell(mif_parser *p, const mif_val *val);
void mif_build_row_end(mif_parser *p, mif_loc loc);
/* Add to the number list of the statement being read. */
void mif_build_number(mif_parser *p, mif_number num);
/* The value of a number list read into p->nums. */
mif_val mif_build_numbers(mif_parser *p, mif_loc loc);
mif_val mif_build_block_value(mif_parser *p, const mif_block *block,
    mif_loc loc);
/* A string of adjacent literals: the first, each further one, then the
 * whole, interned once. */
void mif_build_string_begin(mif_parser *p, const mif_string *first);
void mif_build_string_more(mif_parser *p, const mif_string *next,
    mif_loc loc);
const mif_string *mif_build_string_end(mif_parser *p);
/* The grammar recovered from a syntax error in the innermost block. */
void mif_build_damaged(mif_parser *p);
void mif_build_free(mif_parser *p);

/* Report a syntax-level error unless one was reported at this very
 * place (a follow-on of a repair or a recovery); returns whether it did. */
bool mif_parse_error(mif_parser *p, mif_code code, uint32_t pos,
    uint32_t context_pos, const char *fmt, ...) MIF_PRINTF(5, 6);

/* End the parse at once (flex out of memory): back to mif_parse_text(),
 * which reports it; nothing is lost, as the builder's memory belongs to
 * the parser and the document. */
_Noreturn void mif_parse_abandon(mif_parser *p);

/* ---- the parse driver (mif/parse.c), also for parse_split.c ---- */

/* A parser over doc's text, from its start. */
void mif_parser_init(mif_parser *p, mif_doc *doc);
/* Run the grammar to the end of the text; false when flex or the
 * grammar ran out of memory (reported). */
bool mif_parser_run(mif_parser *p);
/* Free what the parser holds (not the document). */
void mif_parser_free(mif_parser *p);
/* The first part takes the second's result, which ends as `stop` says
 * (parse_split.h): drop the block just opened at the split, hand the
 * grammar what the second part ended with, and scan on from `resume`. */
void mif_parse_resume(mif_parser *p, int stop, mif_loc stop_loc,
    uint32_t resume);

/* Kind names for messages: "group", "attribute" ... */
const char *mif_kind_word(int kind);

#endif /* MIF_PARSE_H */
