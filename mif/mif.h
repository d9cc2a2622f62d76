/*
 * libmif: read, check and write MIF files (DMTF Management Information
 * Format, and the status MIFs, NOIDMIFs and IDMIFs of Microsoft SMS).
 *
 * One document (mif_doc) owns everything reached from it: blocks,
 * statements, strings, comments and diagnostics live in the document's
 * arena and are freed together by mif_doc_free().  Pointers into a
 * document are valid until then.  Nothing here uses global state: two
 * threads may parse, check and write different documents at once, and
 * any number of threads may read one document that nobody modifies.
 */
#ifndef MIF_H
#define MIF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MIF_VERSION_MAJOR 0
#define MIF_VERSION_MINOR 1
#define MIF_VERSION_PATCH 0
#define MIF_VERSION_STRING "0.1.0"

#if defined(__GNUC__)
#define MIF_MUST_USE __attribute__((warn_unused_result))
#else
#define MIF_MUST_USE
#endif

/* The library's version at run time, as "MAJOR.MINOR.PATCH". */
const char *mif_version(void);

/* ------------------------------------------------------------------ */
/* Diagnostics                                                         */

typedef enum mif_severity {
	MIF_INFO,
	MIF_WARNING,
	MIF_ERROR,
	MIF_FATAL, /* processing stopped here */
} mif_severity;

/* What went wrong, for programs; the text says it for people. */
typedef enum mif_code {
	MIF_OK = 0,
	/* trouble before or outside the language */
	MIF_E_IO,             /* a file could not be opened or read */
	MIF_E_NOMEM,          /* out of memory */
	MIF_E_TOO_BIG,        /* input over MIF_MAX_INPUT */
	MIF_E_ENCODING,       /* bytes invalid in the encoding; a mark
	                       * against the one given; (warning) text
	                       * read as ISO 8859-1 that looks like UTF-8 */
	MIF_E_TOO_MANY,       /* the error limit was reached */
	/* lexical */
	MIF_E_CHAR,           /* a character that starts no token */
	MIF_E_STRING,         /* unterminated string literal */
	MIF_E_ESCAPE,         /* unknown or malformed escape (warning) */
	MIF_E_TOKEN_LONG,     /* a string, comment, word, number over MIF_MAX_TOKEN */
	MIF_E_NUMBER,         /* malformed integer, or over 64 bits */
	MIF_E_KEYWORD,        /* a word that is no keyword */
	/* syntax */
	MIF_E_SYNTAX,         /* unexpected token */
	MIF_E_UNCLOSED,       /* a block still open at START, END or EOF */
	MIF_E_UNMATCHED,      /* END without its START */
	MIF_E_STATEMENT,      /* statement not allowed in this block */
	MIF_E_CONFLICT,       /* a statement repeated with another value */
	MIF_E_DUPLICATE,      /* a statement repeated with the same value */
	/* validation: see mif_check() */
	MIF_E_MISSING,        /* a required statement is missing */
	MIF_E_TYPE,           /* a value does not suit its type */
	MIF_E_RANGE,          /* a value out of range for its type */
	MIF_E_SIZE,           /* a string type without size, or too long */
	MIF_E_DATE,           /* an invalid DATE value */
	MIF_E_ENUM,           /* enum symbol or enum type unknown */
	MIF_E_DUP_ID,         /* duplicate ID among siblings */
	MIF_E_KEY,            /* KEY names no attribute, or names one twice */
	MIF_E_CLASS,          /* class string malformed or not unique */
	MIF_E_TABLE,          /* table without template, row too long ... */
	MIF_E_DUP_ROW,        /* two rows with the same key values */
	MIF_E_ACCESS,         /* VALUE on a WRITE-ONLY attribute */
	MIF_E_OVERLAY,        /* overlay names no path */
	MIF_E_COMPONENTID,    /* group 1 is not a proper ComponentID */
	MIF_E_PROFILE,        /* a rule of an SMS profile */
	MIF_E_READ_AS,        /* (warning) a value read otherwise than its
	                       * writer may have meant: an escape in what
	                       * looks like a Windows path */
} mif_code;

/* A place in a source: line and column count from 1 (column in
 * characters, a tab is one); offset counts bytes of the file as read,
 * byte-order mark included.  line == 0 means "no place". */
typedef struct mif_mark {
	unsigned line;
	unsigned column;
	size_t offset;
} mif_mark;

/*
 * One diagnostic.  Callers allocate it (on the stack is fine) and pass
 * its address, or NULL when they do not want it.  `context` is a second
 * place that explains the first, such as the START that an END fails to
 * match; context.line == 0 when there is none.
 */
typedef struct mif_error {
	mif_code code;
	mif_severity severity;
	char source[256];
	mif_mark mark;
	mif_mark context;
	char text[256];
} mif_error;

/* "error", "warning", ... */
const char *mif_severity_name(mif_severity severity);

/* ------------------------------------------------------------------ */
/* The tree                                                            */

/* Text, held as UTF-8 whatever the source encoding.  May contain NUL
 * (from "\0" escapes); bytes[len] is always NUL.  Equal strings of one
 * document are the same object (they are interned). */
typedef struct mif_string {
	uint32_t len;
	uint32_t hash;
	char bytes[];
} mif_string;

typedef enum mif_block_kind {
	MIF_COMPONENT,
	MIF_PATH,
	MIF_ENUM,
	MIF_GROUP,
	MIF_ATTRIBUTE,
	MIF_TABLE,
	MIF_BLOCK_KIND_COUNT
} mif_block_kind;

/* Statement keywords, in the order the canonical writer knows them. */
typedef enum mif_keyword {
	MIF_KW_NAME,
	MIF_KW_DESCRIPTION,
	MIF_KW_CLASS,
	MIF_KW_ID,
	MIF_KW_KEY,
	MIF_KW_TYPE,
	MIF_KW_ACCESS,
	MIF_KW_STORAGE,
	MIF_KW_VALUE,
	MIF_KW_LANGUAGE,
	MIF_KW_PRAGMA,
	MIF_KW_PLATFORM,  /* WIN32 = "..." in a PATH; `sub` says which */
	MIF_KW_COUNT
} mif_keyword;

typedef enum mif_platform {
	MIF_PLAT_DOS, MIF_PLAT_MACOS, MIF_PLAT_OS2, MIF_PLAT_UNIX,
	MIF_PLAT_WIN16, MIF_PLAT_WIN32, MIF_PLAT_WIN9X, MIF_PLAT_WINNT,
	MIF_PLAT_COUNT
} mif_platform;

/* Data types.  The synonyms INT and INT64 are remembered as written
 * (the writer gives back what the source said). */
typedef enum mif_type_kind {
	MIF_T_INTEGER, MIF_T_INT, MIF_T_INTEGER64, MIF_T_INT64,
	MIF_T_COUNTER, MIF_T_COUNTER64, MIF_T_GAUGE,
	MIF_T_STRING, MIF_T_DISPLAYSTRING, MIF_T_OCTETSTRING,
	MIF_T_DATE,
	MIF_T_ENUM_NAMED,  /* TYPE = "enum name": str names a component enum */
	MIF_T_ENUM_INLINE, /* TYPE = START ENUM ... END ENUM: enm */
	MIF_T_COUNT
} mif_type_kind;

typedef enum mif_access {
	MIF_ACCESS_READ_ONLY, MIF_ACCESS_READ_WRITE, MIF_ACCESS_WRITE_ONLY
} mif_access;

typedef enum mif_storage { MIF_STORAGE_SPECIFIC, MIF_STORAGE_COMMON } mif_storage;

/* The form a value was written in (VALUE statements, table cells,
 * PLATFORM statements, enum item values). */
typedef enum mif_form {
	MIF_F_NONE,          /* an empty table position; no payload */
	MIF_F_INTEGER,       /* u = magnitude; flags: radix, sign */
	MIF_F_STRING,        /* str */
	MIF_F_OVERLAY,       /* *"path name": str */
	MIF_F_UNKNOWN,       /* UNKNOWN */
	MIF_F_UNSUPPORTED,   /* UNSUPPORTED */
	MIF_F_DIRECT,        /* DIRECT-INTERFACE (PATH platforms only) */
	MIF_F_TYPE,          /* TYPE statements: sub is the mif_type_kind */
	MIF_F_WORD,          /* ACCESS, STORAGE: sub is the enum value */
	MIF_F_KEYS,          /* KEY: keys */
} mif_form;

/* Integer radix and sign, kept so the writer gives them back. */
#define MIF_RADIX_MASK 0x03u
#define MIF_RADIX_DEC  0x00u
#define MIF_RADIX_OCT  0x01u
#define MIF_RADIX_HEX  0x02u
#define MIF_NEGATIVE   0x04u

typedef struct mif_number {
	uint64_t mag;
	uint8_t flags; /* MIF_RADIX_*, MIF_NEGATIVE */
} mif_number;

typedef struct mif_keys {
	uint32_t count;
	mif_number items[];
} mif_keys;

struct mif_block;

/*
 * One statement (NAME = "x"), or one table cell.  `pos` is the byte
 * offset of its first token in the scanned text; it also orders
 * statements, child blocks and comments within their block.
 */
typedef struct mif_stmt {
	uint32_t pos;
	uint8_t kw;    /* mif_keyword; unused in cells */
	uint8_t sub;   /* mif_platform, mif_type_kind, mif_access, mif_storage */
	uint8_t form;  /* mif_form */
	uint8_t flags; /* MIF_RADIX_*, MIF_NEGATIVE for integers */
	union {
		uint64_t u;                 /* integers (magnitude), string sizes */
		const mif_string *str;      /* strings, overlays, enum names */
		const struct mif_block *enm;/* TYPE = START ENUM ... */
		const mif_keys *keys;       /* KEY */
	} v;
} mif_stmt;

typedef struct mif_enum_item {
	uint32_t pos;
	mif_number value;
	const mif_string *symbol;
} mif_enum_item;

typedef struct mif_row {
	uint32_t pos;       /* the '{' */
	uint32_t end_pos;   /* the '}' */
	uint32_t ncells;
	const mif_stmt *cells; /* form MIF_F_NONE for an empty position */
	const struct mif_row *next;
} mif_row;

/*
 * A block: START kind ... END kind.  Statements and children are each in
 * source order; merge them by `pos` for the order of the file.
 *   component: children are paths, enums, groups and tables
 *   group:     children are attributes
 *   attribute: no children (an inline enum hangs off its TYPE statement)
 *   enum:      items
 *   table:     rows
 */
typedef struct mif_block {
	uint8_t kind;         /* mif_block_kind */
	uint8_t reserved;
	uint16_t nstmts;
	uint32_t pos;         /* the START */
	uint32_t end_pos;     /* the END */
	uint32_t count;       /* children, items or rows */
	const mif_stmt *stmts;
	union {
		const struct mif_block *children; /* first child; then ->next */
		const mif_enum_item *items;       /* array of count */
		const mif_row *rows;              /* first row; then ->next */
	} u;
	const struct mif_block *next;         /* next sibling */
} mif_block;

/* A `//` comment.  text excludes the slashes and the line end.
 * same_line: it followed a token on the same line. */
typedef struct mif_comment {
	uint32_t pos;
	bool same_line;
	const mif_string *text;
} mif_comment;

/* ------------------------------------------------------------------ */
/* Documents                                                           */

typedef struct mif_doc mif_doc;

typedef enum mif_encoding {
	MIF_ENC_LATIN1,   /* ISO 8859-1, no byte-order mark: the default */
	MIF_ENC_UTF8,     /* EF BB BF */
	MIF_ENC_UTF16LE,  /* FF FE */
	MIF_ENC_UTF16BE,  /* FE FF */
	MIF_ENC_SOURCE,   /* writer option: as the document was read */
} mif_encoding;

/* The encoding a name means: latin1, l1, ISO-8859-1, iso-latin-1; utf8,
 * UTF-8; utf16le, UTF-16LE; utf16be, UTF-16BE, in any case, with any
 * '-', '_' or blanks.  False when it names none of the four. */
bool mif_encoding_parse(const char *name, mif_encoding *encoding);
/* "ISO 8859-1", "UTF-8", "UTF-16LE", "UTF-16BE": for messages. */
const char *mif_encoding_name(mif_encoding encoding);

typedef enum mif_newline {
	MIF_NL_LF,
	MIF_NL_CRLF,
	MIF_NL_SOURCE,    /* writer option: as the document was read */
} mif_newline;

/* Limits; inputs beyond them get their own error codes. */
#define MIF_MAX_INPUT   (UINT32_MAX - 16u) /* bytes, after decoding */
#define MIF_MAX_TOKEN   65535u             /* bytes in one token or comment */
#define MIF_MAX_ERRORS_DEFAULT 50u

typedef struct mif_parse_options {
	const char *source_name; /* for messages; NULL: "<stdin>" or path */
	unsigned max_errors;     /* stop after this many errors; 0: default */
	/* The input's encoding, when the caller knows it (see below). */
	bool input_encoding_given;
	mif_encoding input_encoding; /* MIF_ENC_LATIN1 ... MIF_ENC_UTF16BE */
} mif_parse_options;

/*
 * Parse a MIF.  Returns the document, which holds every diagnostic
 * (mif_doc_diag) and the tree as far as it could be built; NULL only
 * when the input could not be read at all (I/O error, no memory, too
 * large, undecodable), and then *err says why.  When the document has
 * errors, *err is a copy of the first.  The caller owns the document
 * and frees it with mif_doc_free().  opts may be NULL.
 *
 * A MIF's byte-order mark says its encoding; without one it is read as
 * ISO 8859-1.  When such a file is also valid UTF-8 with characters
 * beyond ASCII, which ISO 8859-1 text rarely is, the document gets a
 * warning (MIF_E_ENCODING) at the first of them: see
 * mif_doc_encoding_doubt().  With input_encoding_given, the file is read
 * in input_encoding, mark or not: a mark of another encoding is an error,
 * and so are bytes invalid in it (as for a file that has the mark).
 */
mif_doc *mif_parse_buffer(const void *data, size_t len,
    const mif_parse_options *opts, mif_error *err) MIF_MUST_USE;
mif_doc *mif_parse_stream(FILE *fp,
    const mif_parse_options *opts, mif_error *err) MIF_MUST_USE;
/* path "-" reads standard input */
mif_doc *mif_parse_path(const char *path,
    const mif_parse_options *opts, mif_error *err) MIF_MUST_USE;

void mif_doc_free(mif_doc *doc);

/* The component, or NULL if the input had none. */
const mif_block *mif_doc_component(const mif_doc *doc);
/* Comments sorted by pos; *count receives their number. */
const mif_comment *mif_doc_comments(const mif_doc *doc, size_t *count);
mif_encoding mif_doc_encoding(const mif_doc *doc);
/* The warning that a file read as ISO 8859-1, for want of a byte-order
 * mark, is valid UTF-8 and may be that; NULL when there is none. */
const mif_error *mif_doc_encoding_doubt(const mif_doc *doc);
mif_newline mif_doc_newline(const mif_doc *doc);
/* Whether the input ended with a ^Z (0x1A) byte. */
bool mif_doc_eof_mark(const mif_doc *doc);
const char *mif_doc_source_name(const mif_doc *doc);
/* Size of the input in bytes, as read. */
size_t mif_doc_input_size(const mif_doc *doc);

/* Diagnostics in the order found: parser's first, then validation's. */
size_t mif_doc_diag_count(const mif_doc *doc);
const mif_error *mif_doc_diag(const mif_doc *doc, size_t index);
/* How many diagnostics of severity MIF_ERROR or worse. */
size_t mif_doc_error_count(const mif_doc *doc);

/* Where `pos` is: line, column and byte offset in the file as read. */
mif_mark mif_doc_mark(const mif_doc *doc, uint32_t pos);
/* The text of line `line` (from 1) as UTF-8, without its line end;
 * NULL when there is no such line.  *len receives its length. */
const char *mif_doc_line(const mif_doc *doc, unsigned line, size_t *len);

/* ------------------------------------------------------------------ */
/* Reading the tree                                                    */

/* First statement of a keyword in a block, or NULL. */
const mif_stmt *mif_block_stmt(const mif_block *block, mif_keyword kw);
/* The string of NAME, CLASS, DESCRIPTION ...; NULL when absent or not
 * a string. */
const mif_string *mif_block_string(const mif_block *block, mif_keyword kw);
/* The ID; false when absent. */
bool mif_block_id(const mif_block *block, uint64_t *id);

const char *mif_block_kind_name(mif_block_kind kind);     /* "GROUP" */
const char *mif_keyword_name(mif_keyword kw);             /* "NAME" */
const char *mif_platform_name(mif_platform platform);     /* "WIN32" */
const char *mif_type_name(mif_type_kind type);            /* "STRING" */
const char *mif_access_name(mif_access access);           /* "READ-ONLY" */
const char *mif_storage_name(mif_storage storage);        /* "COMMON" */

/* ------------------------------------------------------------------ */
/* Checking                                                            */

/*
 * What a document is checked as.  Each profile other than DMI adds the
 * rules of one kind of SMS file (see mif-check(1), PROFILES) to the DMI
 * checks.
 */
typedef enum mif_profile {
	MIF_PROFILE_DMI,     /* the DMI checks only: the default */
	MIF_PROFILE_STATUS,  /* the status MIF a package writes */
	MIF_PROFILE_NOIDMIF, /* inventory attached to the collecting client */
	MIF_PROFILE_IDMIF,   /* inventory with its own identity */
	MIF_PROFILE_AUTO,    /* as mif_detect_profile() says */
} mif_profile;

/* The size limit of NOIDMIFs and IDMIFs in KB (1024 bytes): SMS's
 * default, and the most its setting allows. */
#define MIF_MAX_SIZE_KB_DEFAULT 250u
#define MIF_MAX_SIZE_KB_MAX     5120u

typedef struct mif_check_options {
	unsigned max_errors;  /* 0: default */
	mif_profile profile;  /* 0: MIF_PROFILE_DMI */
	unsigned max_size_kb; /* NOIDMIF and IDMIF; 0: MIF_MAX_SIZE_KB_DEFAULT */
} mif_check_options;

/*
 * Validate the document: every check of the reference parser (see
 * mif(5)), then the rules of the profile.  Diagnostics are appended to
 * the document.  Returns the number of errors this call added.  opts
 * may be NULL: the DMI checks only.
 */
size_t mif_check(mif_doc *doc, const mif_check_options *opts);

/* "dmi", "status", "noidmif", "idmif", "auto"; "?" for no profile. */
const char *mif_profile_name(mif_profile profile);

/*
 * The profile a document's content asks for: MIF_PROFILE_STATUS when a
 * group of the component has class MICROSOFT|JOBSTATUS|1.0 (case
 * ignored), MIF_PROFILE_IDMIF when a comment before START COMPONENT is
 * an //Architecture<...> line (well formed or not), MIF_PROFILE_NOIDMIF
 * otherwise.  MIF_PROFILE_AUTO checks as this says.
 */
mif_profile mif_detect_profile(const mif_doc *doc);

/* ------------------------------------------------------------------ */
/* Writing                                                             */

typedef struct mif_write_options {
	mif_encoding encoding; /* MIF_ENC_SOURCE to keep the document's */
	mif_newline newline;   /* MIF_NL_SOURCE to keep the document's */
} mif_write_options;

/*
 * Write the document as canonical MIF.  The output is deterministic,
 * and parsing it gives back the same tree, comments included.  Returns
 * 0, or -1 with *err set (write error; a character the chosen encoding
 * cannot hold).  opts may be NULL: keep encoding and line ends.
 * A document with mif_doc_encoding_doubt() is not written in UTF-8 or
 * UTF-16 (MIF_E_ENCODING): that would make its misread characters for
 * good; parsing it again with the input encoding named settles it.
 */
int mif_write_stream(const mif_doc *doc, const mif_write_options *opts,
    FILE *fp, mif_error *err);
/* The same into memory: *out receives a malloc'd buffer the caller
 * frees, *len its length. */
int mif_write_buffer(const mif_doc *doc, const mif_write_options *opts,
    char **out, size_t *len, mif_error *err);

/* ------------------------------------------------------------------ */
/* Building and changing                                               */

/*
 * A new, empty document (ISO 8859-1, LF) to build a tree in; NULL when
 * out of memory.  Free it with mif_doc_free().
 */
mif_doc *mif_doc_create(const char *source_name) MIF_MUST_USE;

/* The document's copy of a UTF-8 string; NULL when out of memory. */
const mif_string *mif_doc_string(mif_doc *doc, const char *utf8, size_t len);
/* The same for a NUL-terminated string. */
const mif_string *mif_doc_cstring(mif_doc *doc, const char *utf8);

void mif_doc_set_encoding(mif_doc *doc, mif_encoding encoding);
void mif_doc_set_newline(mif_doc *doc, mif_newline newline);

/*
 * Add a block at the end of parent's children (parent NULL: make it the
 * document's component, which must not exist yet).  Built items are
 * ordered after everything already in the parent.  Returns the block,
 * which the caller may fill through the functions below; NULL when out of
 * memory or when the parent cannot hold that kind.
 */
mif_block *mif_add_block(mif_doc *doc, const mif_block *parent,
    mif_block_kind kind);

/*
 * Set a statement of a block: an existing one of that keyword (and,
 * for MIF_KW_PLATFORM, that platform `sub`) is given the new value in
 * place; otherwise one is added at the end.  `value` supplies sub, form,
 * flags and v (its pos and kw are ignored).  Returns the statement in the
 * tree, or NULL when out of memory.
 */
mif_stmt *mif_set_stmt(mif_doc *doc, const mif_block *block, mif_keyword kw,
    const mif_stmt *value);
/* Shorthands: a string statement; a number statement (decimal). */
mif_stmt *mif_set_string(mif_doc *doc, const mif_block *block, mif_keyword kw,
    const char *utf8);
mif_stmt *mif_set_number(mif_doc *doc, const mif_block *block, mif_keyword kw,
    int64_t number);
/* Remove every statement of that keyword; returns how many. */
size_t mif_remove_stmt(mif_doc *doc, const mif_block *block, mif_keyword kw);

/* Add an item to an enum block. */
bool mif_add_enum_item(mif_doc *doc, const mif_block *enm, mif_number value,
    const mif_string *symbol);

/* Add a row of ncells cells (all MIF_F_NONE) at the end of a table; the
 * caller fills the returned cells.  NULL when out of memory. */
mif_stmt *mif_add_row(mif_doc *doc, const mif_block *table, uint32_t ncells);

/* Remove a child block (found by identity) from its parent, with the
 * comments inside it; false if it is not a child of parent. */
bool mif_remove_block(mif_doc *doc, const mif_block *parent,
    const mif_block *child);

/* Add a comment (text without the slashes) just before the block
 * `before`, or, when it is NULL, at the end of the document, after END
 * COMPONENT. */
bool mif_add_comment(mif_doc *doc, const mif_block *before, const char *text,
    bool same_line);

/* ------------------------------------------------------------------ */
/* SMS 1.x software distribution: statuses, instructions, versions     */

/* A workstation's row in a job's detailed status. */
typedef enum mif_sms_status {
	MIF_SMS_NONE,      /* never ran */
	MIF_SMS_PENDING,
	MIF_SMS_COMPLETE,
	MIF_SMS_FAILED,
	MIF_SMS_RETRYING,
	MIF_SMS_CANCELED,
	MIF_SMS_STATUS_COUNT
} mif_sms_status;

/* What the despooler is told by a client. */
typedef enum mif_sms_instruction {
	MIF_SMS_SUCCESS,   /* a status MIF reporting Success */
	MIF_SMS_FAILURE,   /* a status MIF reporting Failed */
	MIF_SMS_EXPIRED,   /* PCM's expiry notification */
	MIF_SMS_INSTRUCTION_COUNT
} mif_sms_instruction;

/* One SMS version's despooler, as data: the status each instruction
 * gives a row (MIF_SMS_KEEP: the row keeps its status and no detailed
 * job status MIF is created), and its known quirks. */
#define MIF_SMS_KEEP MIF_SMS_STATUS_COUNT
typedef struct mif_sms_version {
	const char *name;                        /* "1.0" */
	uint8_t gives[MIF_SMS_INSTRUCTION_COUNT]; /* mif_sms_status or KEEP */
	bool drops_escaped_quote; /* Q140810: a job status MIF with \" in a
	                             string is not loaded; the row stays */
	const char *note;          /* one line on what this version does */
} mif_sms_version;

/* "Complete", "Canceled" ...; NULL for a value out of range. */
const char *mif_sms_status_name(mif_sms_status status);
/* Read a status name (any case; "Cancelled" is read as Canceled). */
bool mif_sms_status_parse(const char *name, mif_sms_status *status);
const char *mif_sms_instruction_name(mif_sms_instruction ins);
/* "Success", "Failed", "Expired" (any case); also status MIF values
 * as real writers spell them ("FAILED"). */
bool mif_sms_instruction_parse(const char *name, mif_sms_instruction *ins);

/* Every version known, oldest first; *count receives their number. */
const mif_sms_version *mif_sms_versions(size_t *count);
/* A version by name ("1.0", "1.1", "1.2"); NULL if unknown. */
const mif_sms_version *mif_sms_version_find(const char *name);

/*
 * The row's status after the despooler of `version` handles one
 * instruction.  `description` is the text the instruction carries (may
 * be NULL).  *created (if not NULL) says whether a detailed job status
 * MIF is created, *loaded whether the site loaded it (the row changes
 * only then).
 */
mif_sms_status mif_sms_apply(const mif_sms_version *version,
    mif_sms_status current, mif_sms_instruction ins, const char *description,
    bool *created, bool *loaded);

/* ---- times ---- */

/*
 * Read a time: a DMI DATE "yyyymmddHHMMSS.uuuuuu+ooo" (offset in
 * minutes), or ISO 8601 "yyyy-mm-dd", "yyyy-mm-ddTHH:MM[:SS]" (also
 * with a space for T) with an optional "Z" or "+HH:MM"; no offset means
 * UTC.  *t receives seconds since 1970-01-01 UTC.
 */
bool mif_time_parse(const char *text, int64_t *t);
/* Write t as a DMI DATE in UTC ("20261121091407.000000+000"); buf
 * holds at least 26 bytes.  Returns buf. */
char *mif_time_dmi(int64_t t, char *buf);
/* Write t as "2026-11-21 09:14:07" (UTC); buf holds at least 20 bytes. */
char *mif_time_iso(int64_t t, char *buf);

/* ---- replaying a job's instructions ---- */

/* A workstation's row of a job status table. */
typedef struct mif_sms_row {
	const char *sms_id;
	mif_sms_status status;
	bool reported;            /* an instruction changed it */
	int64_t time;             /* of the last instruction loaded */
	mif_sms_instruction instruction;
	const char *description;  /* of the last instruction loaded */
	bool by_expiry;           /* its status was last set by an expiry */
	int result;               /* the last result the client reported:
	                             -1 never ran, or MIF_SMS_SUCCESS/FAILURE */
	unsigned ignored;         /* instructions not replayed (ignored) */
	unsigned expiries;        /* expiry instructions replayed */
} mif_sms_row;

/* One despooler instruction of a job history. */
typedef struct mif_sms_event {
	int64_t time;
	const char *sms_id;
	mif_sms_instruction instruction;
	const char *description;
	/* not replayed: a result older than the job, which the Package
	 * Command Manager does not collect (Knowledge Base Q166833) */
	bool ignored;
} mif_sms_event;

/* What one instruction did. */
typedef struct mif_sms_effect {
	size_t row;               /* index of the row; SIZE_MAX: no such target */
	mif_sms_status before, after;
	bool created, loaded;     /* detailed job status MIF made, loaded */
} mif_sms_effect;

typedef struct mif_sms_replay mif_sms_replay;

/*
 * A replay of one job under a version, its rows one per target in the
 * given order, all None.  The strings are the caller's and must outlive
 * the replay.  NULL when out of memory.  Free with mif_sms_replay_free().
 */
mif_sms_replay *mif_sms_replay_new(const mif_sms_version *version,
    const char *const *targets, size_t ntargets) MIF_MUST_USE;
void mif_sms_replay_free(mif_sms_replay *replay);
/* Set a row as a table gives it (before replaying more); false if the
 * target is unknown. */
bool mif_sms_replay_set(mif_sms_replay *replay, const mif_sms_row *row);
/* Handle one instruction; the effect says what happened.  An ignored
 * one only counts in its row's `ignored`. */
mif_sms_effect mif_sms_replay_step(mif_sms_replay *replay,
    const mif_sms_event *event);
/* The rows, in target order. */
const mif_sms_row *mif_sms_replay_rows(const mif_sms_replay *replay,
    size_t *count);
/* The row of a target, or NULL. */
const mif_sms_row *mif_sms_replay_row(const mif_sms_replay *replay,
    const char *sms_id);

/* ------------------------------------------------------------------ */
/* XML and JSON                                                        */

/*
 * Write the tree as XML (mif-xml(5), valid against the schema below) or
 * as JSON (mif-json(5)), in UTF-8: every statement, block, enum item,
 * row and comment in file order, integer radixes, the type synonyms as
 * written, and the document's encoding, line ends and ^Z mark, so that
 * reading the output back gives the same tree (mif_doc_same).  *out
 * receives a malloc'd, NUL-terminated buffer the caller frees, *len its
 * length.  Returns 0, or -1 with *err set: no memory, no component, a
 * string that is not valid UTF-8.
 */
int mif_write_xml(const mif_doc *doc, char **out, size_t *len,
    mif_error *err);
int mif_write_json(const mif_doc *doc, char **out, size_t *len,
    mif_error *err);

/*
 * Read a document from XML, validated against the schema built into the
 * library, or from JSON.  As with mif_parse_buffer(), the document holds
 * every diagnostic, with the line and column in the XML or JSON text
 * where one is known (JSON shape errors also name their value by a path
 * such as ".groups[0].id"), and the tree as far as it could be built;
 * NULL only when the input could not be taken at all (no memory, too
 * large), and then *err says why.  When the document has errors, *err is a copy of
 * the first.  The caller owns the document and frees it with
 * mif_doc_free().  opts may be NULL.
 *
 * A tree read from XML has places on the lines of the XML text; one read
 * from JSON has none (they are those of a built document, even when the
 * document keeps the JSON text to quote it in its diagnostics).
 */
mif_doc *mif_parse_xml(const void *data, size_t len,
    const mif_parse_options *opts, mif_error *err) MIF_MUST_USE;
mif_doc *mif_parse_json(const void *data, size_t len,
    const mif_parse_options *opts, mif_error *err) MIF_MUST_USE;

/* The XML Schema (schema/mif.xsd) that mif_parse_xml() validates
 * against, as NUL-terminated text owned by the library. */
const char *mif_xml_schema(void);

/* ------------------------------------------------------------------ */
/* Values and rows                                                     */

/*
 * A DATE, "yyyymmddHHMMSS.uuuuuu+ooo": the sign and ooo give the offset
 * from UTC in minutes (+060 is an hour east of Greenwich).  A field
 * written all '*' is unknown and holds MIF_DATE_UNKNOWN; DMI allows it
 * field by field, and so does this library.  `unknown` says that every
 * field is (the form "**************.******+***", or 25 '*').
 */
#define MIF_DATE_LEN 25
#define MIF_DATE_UNKNOWN INT32_MIN

typedef struct mif_date {
	int32_t year;        /* 0 to 9999 */
	int32_t month;       /* 1 to 12 */
	int32_t day;         /* 1 to the month's last */
	int32_t hour;        /* 0 to 23 */
	int32_t minute;      /* 0 to 59 */
	int32_t second;      /* 0 to 60 (a leap second) */
	int32_t microsecond; /* 0 to 999999 */
	int32_t utc_offset;  /* -840 to 840 minutes */
	bool unknown;        /* every field is MIF_DATE_UNKNOWN */
} mif_date;

/*
 * Parse len bytes of text as a DATE (the validator's rules: see mif(5)).
 * False when it is none, with the reason written to why (may be NULL).
 */
bool mif_date_parse(const char *text, size_t len, mif_date *date,
    char *why, size_t whylen);
/* Write a date's 25 characters and a NUL into out; unknown fields as
 * '*' (an unknown offset as "+***"), a field out of range as its last
 * digits.  Returns out. */
char *mif_date_format(const mif_date *date, char out[MIF_DATE_LEN + 1]);

/* An attribute's TYPE, resolved. */
typedef struct mif_attr_type {
	const mif_block *attr;  /* the attribute */
	const mif_stmt *stmt;   /* its TYPE statement */
	mif_type_kind kind;     /* as written: MIF_T_INT stays INT */
	mif_type_kind base;     /* the integer type of enum values (the
	                           enum's TYPE, INTEGER when it has none);
	                           kind for the other types */
	uint64_t size;          /* n of STRING(n) and the like; 0: none */
	const mif_block *enm;   /* enum types: the ENUM block */
} mif_attr_type;

/*
 * The type of an attribute.  TYPE = "name" is followed to the
 * component's ENUM of that NAME (exact match first, then one that
 * ignores ASCII case, as mif_check() does); TYPE = START ENUM to its
 * inline enum.  Returns false, with *err (may be NULL) placed at the
 * attribute or its TYPE, when it has no TYPE (MIF_E_MISSING), a TYPE
 * that is no type (MIF_E_TYPE), or an enum type that names no enum or
 * whose enum's TYPE is not an integer type (MIF_E_ENUM).
 */
bool mif_attr_type_of(const mif_doc *doc, const mif_block *attr,
    mif_attr_type *type, mif_error *err);

typedef enum mif_value_kind {
	MIF_V_ABSENT,      /* no value: no VALUE, or an empty position
	                      whose attribute has none */
	MIF_V_SIGNED,      /* INTEGER, INT, INTEGER64, INT64: i */
	MIF_V_UNSIGNED,    /* COUNTER, COUNTER64, GAUGE: u */
	MIF_V_STRING,      /* STRING, DISPLAYSTRING: str, len */
	MIF_V_OCTETS,      /* OCTETSTRING: str, len */
	MIF_V_DATE,        /* date; str, len: the text as written (empty
	                      for "", which counts as unknown) */
	MIF_V_ENUM,        /* i: the number (above INT64_MAX, in an enum
	                      of type COUNTER64: i is INT64_MAX and u the
	                      number); str, len: its symbol (str NULL when
	                      the enum has none for it) */
	MIF_V_UNKNOWN,     /* UNKNOWN */
	MIF_V_UNSUPPORTED, /* UNSUPPORTED */
	MIF_V_OVERLAY,     /* *"path": str, len name the PATH that gives
	                      the value at run time */
} mif_value_kind;

/*
 * A typed value.  It points into the document it came from (or, from
 * mif_value_parse(), into the caller's text) and lives as long as that.
 */
typedef struct mif_value {
	mif_value_kind kind;
	bool is_default;       /* a table position left empty or missing,
	                          filled with the attribute's VALUE */
	const mif_stmt *stmt;  /* the VALUE statement or cell it came from;
	                          NULL when absent or parsed from text */
	int64_t i;
	uint64_t u;
	const char *str;       /* not NUL-terminated: use len */
	size_t len;
	mif_date date;
} mif_value;

/*
 * The value of a VALUE statement or table cell `stmt` (NULL, or an
 * empty cell: MIF_V_ABSENT) for an attribute of type `type`.  Returns
 * true when it suits the type.  Otherwise returns false with *err (may
 * be NULL) at the statement: a string for a number or the reverse, or a
 * statement that is no value (MIF_E_TYPE); a number out of the type's
 * range, or a negative enum number beyond int64_t (MIF_E_RANGE); a string
 * longer than its size in characters (MIF_E_SIZE); an invalid date
 * (MIF_E_DATE); a symbol the enum lacks (MIF_E_ENUM).  *value then
 * holds the value as written: a number as MIF_V_SIGNED (negative) or
 * MIF_V_UNSIGNED, a string as MIF_V_STRING.  Enum symbols match
 * exactly, or else ignoring ASCII case (the value then carries the
 * enum's spelling); of a symbol or number given twice, the first item
 * counts.  UNKNOWN, UNSUPPORTED and overlays suit any type.
 */
bool mif_value_of(const mif_doc *doc, const mif_attr_type *type,
    const mif_stmt *stmt, mif_value *value, mif_error *err);

/*
 * A value from text, as a command line gives it, for an attribute of
 * type `type`: a number (decimal, 0octal or 0xhex, '-' for the signed
 * types) for integer types; the text itself for string types; a DATE
 * string for dates; a number, or a symbol as mif_value_of() matches
 * one, for enums; for every type, the words UNKNOWN and UNSUPPORTED
 * stand for those values.  The value points into text.  False with *err
 * (may be NULL; no place) when the text does not suit the type; *value
 * then holds the text as a MIF_V_STRING.
 */
bool mif_value_parse(const mif_attr_type *type, const char *text,
    size_t len, mif_value *value, mif_error *err);

/*
 * Whether two values are equal: numbers by their value whatever kind
 * holds them (7, 0x07 and the enum value 7 are equal), strings and
 * octet strings byte by byte, dates field by field, overlays by path;
 * ABSENT, UNKNOWN and UNSUPPORTED each equal only to themselves.
 * Where a value came from (stmt, is_default) does not count.
 */
bool mif_value_equal(const mif_value *a, const mif_value *b);
/* A hash of a value: equal values have equal hashes. */
uint64_t mif_value_hash(const mif_value *value);

/*
 * The escaping of text and TSV output, one rule for every tool
 * (miftools(7), OUTPUT ESCAPING): a backslash, tab, newline and carriage
 * return as \\ \t \n \r; every other byte of a C0 control (NUL
 * included), DEL, a C1 control (U+0080 to U+009F, both bytes of its
 * UTF-8) and every byte that is no part of valid UTF-8 as \xHH (two
 * upper-case hex digits).  Other UTF-8 stays as it is.  mif_unescape()
 * undoes it.
 *
 * mif_escape_char() escapes the character at s (len > 0 bytes) into esc
 * and returns how many bytes of s it covers; esc is "" when they stay as
 * they are.
 */
#define MIF_ESCAPE_MAX 9       /* "\xC2\x85" and its NUL */
#define MIF_ESCAPE_QUOTE 0x01u /* a double quote too, as \" (a value
                                  quoted in a message) */
#define MIF_ESCAPE_CONTROLS 0x02u /* only the controls and bad bytes:
                                  backslash and tab stay (a source line
                                  or a message, for reading) */
size_t mif_escape_char(const char *s, size_t len, unsigned flags,
    char esc[MIF_ESCAPE_MAX]);
/* len bytes of s escaped into buf, as snprintf() fills it: at most size
 * bytes, NUL included (buf may be NULL when size is 0); returns the
 * length of the whole text. */
size_t mif_escape(const char *s, size_t len, unsigned flags, char *buf,
    size_t size);
/* The same onto a stream; false on a write error. */
bool mif_escape_print(const char *s, size_t len, unsigned flags, FILE *fp);
/* Undo mif_escape() without flags, in place: *len bytes of s become the
 * new *len.  False (s then undefined) for a backslash that starts none
 * of \\ \t \n \r \xHH. */
bool mif_unescape(char *s, size_t *len);

/* mif_value_format() flags. */
#define MIF_FORMAT_ESCAPE 0x01u /* strings escaped as mif_escape() does */

/*
 * A value as shell scripts want it, raw: integers in decimal, strings
 * and octet strings as they are (UTF-8), dates as written, an enum value
 * as its symbol (its number when it has none), the words UNKNOWN and
 * UNSUPPORTED, an overlay as *"path", an absent value as nothing.
 * Writes at most size bytes, NUL included, into buf (which may be NULL
 * when size is 0) and returns the length of the whole text, as
 * snprintf() does.
 */
size_t mif_value_format(const mif_value *value, unsigned flags, char *buf,
    size_t size);
/* The same onto a stream; false on a write error. */
bool mif_value_print(const mif_value *value, unsigned flags, FILE *fp);

/*
 * Lookups.  They return blocks of the document, valid as long as it,
 * or NULL when nothing matches; the first match in file order wins.
 *
 * mif_find_group(): the group or table a spec names, trying in turn
 *   1. a spec of decimal digits: the ID;
 *   2. the CLASS, exactly (groups before tables, so that a template's
 *      class gives the template rather than one of its tables);
 *   3. the NAME, exactly;
 *   4. the CLASS, ignoring ASCII case (groups before tables);
 *   5. the NAME, ignoring ASCII case.
 */
const mif_block *mif_find_group(const mif_doc *doc, const char *spec);
/* The attribute of a group with this ID. */
const mif_block *mif_group_attribute(const mif_block *group, uint64_t id);
/* The attribute a spec names: decimal digits for the ID, else the NAME,
 * exactly, then ignoring ASCII case. */
const mif_block *mif_find_attribute(const mif_block *group,
    const char *spec);
/* Whether a group is a template: a KEY and no ID. */
bool mif_is_template(const mif_block *group);
/* The template of a table: the first template with the table's CLASS. */
const mif_block *mif_table_template(const mif_doc *doc,
    const mif_block *table);
/* The component's ENUM named `name`: exactly, then ignoring ASCII case. */
const mif_block *mif_find_enum(const mif_doc *doc, const char *name);

/*
 * Rows: one view of the instances of a group, whatever their source.
 *   - A group with an ID (scalar, or keyed with its values in place):
 *     one row, its attributes' VALUEs.  So is a group with neither ID
 *     nor KEY (an error for mif_check()).  mif_rows_open_class() gives
 *     the view of every keyed group of a class instead.
 *   - A template (KEY, no ID): the rows of every table of its CLASS, in
 *     file order; none when it has no table.
 *   - A table: its rows, under its template (mif_table_template()).
 * The columns are the group's attributes that have an ID, in ID order
 * (the first of two with one ID).  A table row gives its values in that
 * order; a position left empty, or missing at the end of a short row,
 * takes the attribute's VALUE, and is absent when there is none.
 *
 * Opening the view indexes the rows by their key values (the KEY's
 * attributes, typed as mif_value_equal() compares them), so that
 * mif_rows_find() takes constant time.  It is linear in the number of
 * rows, and costs 24 to 40 bytes per row (a pointer, and the index's
 * slots when the group has a KEY) and nothing per cell.
 *
 * Rows and columns count from 0, and the accessors want them in range.
 * What they return points into the document, or into the view for
 * mif_rows_column_type(), and is valid until mif_rows_free().
 */
typedef struct mif_rows mif_rows;

#define MIF_NO_ROW SIZE_MAX
#define MIF_NO_COLUMN SIZE_MAX

/*
 * Open the view of a group or table.  NULL with *err (may be NULL) when
 * block is no group or table, a table has no template (MIF_E_TABLE), or
 * memory runs out (MIF_E_NOMEM).  The caller frees the view with
 * mif_rows_free(); it reads doc, which must outlive it unchanged.
 */
mif_rows *mif_rows_open(const mif_doc *doc, const mif_block *block,
    mif_error *err) MIF_MUST_USE;
/*
 * The same, but the view of a keyed group (ID and KEY) holds every
 * instance of its class: one row for each keyed group whose CLASS is the
 * group's (exactly), in file order, as NOIDMIFs and IDMIFs give several
 * instances of a class.  The columns are those of `block`; a row takes
 * the VALUE of its own group's attribute with the column's ID, and is
 * absent there when that group has none.  Other blocks give the view of
 * mif_rows_open().
 */
mif_rows *mif_rows_open_class(const mif_doc *doc, const mif_block *block,
    mif_error *err) MIF_MUST_USE;
/*
 * The rows that a spec names, as mif-get(1) and mif-diff(1) take them:
 * those of the group or table mif_find_group() finds.  A keyed group
 * named by its ID is that one instance (mif_rows_open()); named by its
 * class or name it stands for every instance of its class
 * (mif_rows_open_class()).  NULL with *err when nothing answers to spec
 * (MIF_E_MISSING, no place), or as mif_rows_open().
 */
mif_rows *mif_rows_open_spec(const mif_doc *doc, const char *spec,
    mif_error *err) MIF_MUST_USE;
void mif_rows_free(mif_rows *rows);

/* The group whose attributes are the columns (the template of a table). */
const mif_block *mif_rows_group(const mif_rows *rows);
size_t mif_rows_count(const mif_rows *rows);
size_t mif_rows_columns(const mif_rows *rows);
/* The attribute of a column. */
const mif_block *mif_rows_column(const mif_rows *rows, size_t col);
/* Its type, or NULL when mif_attr_type_of() fails for it. */
const mif_attr_type *mif_rows_column_type(const mif_rows *rows, size_t col);
/* The column of the attribute with this ID, or MIF_NO_COLUMN. */
size_t mif_rows_column_of(const mif_rows *rows, uint64_t id);

/* The table a row comes from, and the row itself; NULL for a row that
 * a group gives in place. */
const mif_block *mif_rows_table(const mif_rows *rows, size_t row);
const mif_row *mif_rows_row(const mif_rows *rows, size_t row);
/* The group that gives a row in place; NULL for a row of a table. */
const mif_block *mif_rows_instance(const mif_rows *rows, size_t row);

/*
 * What gives a row's value in a column: its cell, or the attribute's
 * VALUE when the position is empty or missing (*is_default, which may be
 * NULL, then says so: the VALUEs of a row a group gives are in place, no
 * defaults); NULL when neither.
 */
const mif_stmt *mif_rows_stmt(const mif_rows *rows, size_t row, size_t col,
    bool *is_default);
/* The typed value there: mif_value_of() of mif_rows_stmt().  A column
 * whose type is broken gives its values as written, and false with the
 * type's error. */
bool mif_rows_value(const mif_rows *rows, size_t row, size_t col,
    mif_value *value, mif_error *err);

/* The key: the columns of the KEY's attributes, in KEY order (IDs that
 * name no column, or name one again, are left out).  None for a group
 * without KEY. */
size_t mif_rows_key_count(const mif_rows *rows);
size_t mif_rows_key_column(const mif_rows *rows, size_t k);

/*
 * The row whose key values equal keys[0 .. key count - 1] (in KEY
 * order), or MIF_NO_ROW; constant time.  When several rows have equal
 * keys the first one is found (mif_check() reports the others).  Rows
 * with an absent key value are never found.
 */
size_t mif_rows_find(const mif_rows *rows, const mif_value *keys);

/* ------------------------------------------------------------------ */
/* Comparing tables row by row                                         */

typedef enum mif_diff_kind {
	MIF_DIFF_SAME,
	MIF_DIFF_REMOVED,  /* only in the old table */
	MIF_DIFF_ADDED,    /* only in the new table */
	MIF_DIFF_CHANGED,
} mif_diff_kind;

typedef struct mif_diff_options {
	/* The key: attribute names or IDs (mif_find_attribute() specs, read
	 * in the old table's group); none: the table's KEY. */
	const char *const *key;
	size_t nkey;
	/* Attributes left out of the comparison. */
	const char *const *ignore;
	size_t nignore;
} mif_diff_options;

/* One row's difference, from mif_diff_next(). */
typedef struct mif_diff_change {
	mif_diff_kind kind;
	size_t old_row, new_row;   /* MIF_NO_ROW on the side that lacks it */
	const size_t *changed;     /* CHANGED: the compared columns that
	                              differ, valid until the next call */
	size_t nchanged;
} mif_diff_change;

typedef struct mif_diff_counts {
	size_t same, removed, added, changed;
} mif_diff_counts;

typedef struct mif_diff mif_diff;

/*
 * Prepare the comparison of two views (mif_rows_open()): columns are
 * matched by attribute ID; each side is indexed by its key values.
 * Linear in the rows.  NULL with *err when there is no key (no KEY and
 * no opts->key), a key or ignored attribute names none, a key value is
 * given twice in one table (MIF_E_DUP_ROW; err->source is then "old" or
 * "new"), or memory runs out.  The views must outlive the comparison.
 */
mif_diff *mif_diff_new(const mif_rows *old, const mif_rows *new_rows,
    const mif_diff_options *opts, mif_error *err) MIF_MUST_USE;
void mif_diff_free(mif_diff *diff);

/* The columns: the attributes of either side, by ID, the ignored ones
 * included (they are only left out of the comparison).  For each, the
 * attribute (the old side's when both have it) and its column on each
 * side (MIF_NO_COLUMN where missing). */
size_t mif_diff_columns(const mif_diff *diff);
const mif_block *mif_diff_attribute(const mif_diff *diff, size_t col);
size_t mif_diff_old_column(const mif_diff *diff, size_t col);
size_t mif_diff_new_column(const mif_diff *diff, size_t col);
/* The key's compared columns, in key order. */
size_t mif_diff_key_count(const mif_diff *diff);
size_t mif_diff_key_column(const mif_diff *diff, size_t k);

/*
 * The next row that differs: the old table's rows in order (removed or
 * changed), then the new table's rows that the old one lacks (added).
 * False when there are no more; rows that are the same are counted,
 * not returned.
 */
bool mif_diff_next(mif_diff *diff, mif_diff_change *change);
/* Counts of the rows returned so far (and of those found the same). */
mif_diff_counts mif_diff_counts_of(const mif_diff *diff);

/* ------------------------------------------------------------------ */
/* SMS job formats                                                     */

/*
 * The toolkit's own files for SMS 1.x jobs, in MIF, as mif-jobs(5)
 * describes them: the detailed job status MIF that the despooler creates
 * for one workstation, the job status table, the job history; and the
 * NOIDMIF record of a package's install status.  Attributes are found by
 * ID, and the IDs never change.
 *
 * Readers take a parsed document (run mif_check() on it first for the DMI
 * rules) and give the first problem they find in *err (may be NULL),
 * placed in the document where it has a place; err->source is the
 * document's source name.  The strings they return point into the
 * document, which must outlive what they fill.
 */
#define MIF_SMS_JOB_CLASS         "MIFTOOLS|JOB|1.0"
#define MIF_SMS_DETAIL_CLASS      "MIFTOOLS|JOBDETAIL|1.0"
#define MIF_SMS_TARGET_CLASS      "MIFTOOLS|JOBTARGET|1.0"
#define MIF_SMS_INSTRUCTION_CLASS "MIFTOOLS|JOBINSTRUCTION|1.0"
#define MIF_SMS_PACKAGE_CLASS     "MIFTOOLS|PACKAGESTATUS|1.0"

/* A job, as its group (MIF_SMS_JOB_CLASS) gives it. */
typedef struct mif_sms_job {
	const char *job_id;
	const char *package_id;
	int64_t offer;
	bool expires_known;       /* false: the job never expires */
	int64_t expires;
} mif_sms_job;

/* The instruction a status MIF gives the despooler: its Status
 * ("Success" or "Failed", any case) and Description ("" when it has
 * none), from the group of class MICROSOFT|JOBSTATUS|1.0, attributes
 * found by name as SMS finds them (ASCII case ignored).  False with *err
 * when there is no such group, or no Status that is one of those. */
bool mif_sms_status_mif_read(const mif_doc *doc, mif_sms_instruction *ins,
    const char **description, mif_error *err);

/* ---- the detailed job status MIF ---- */

/* One row's update, as the despooler writes it. */
typedef struct mif_sms_detail {
	const char *job_id;
	const char *sms_id;
	mif_sms_status status;            /* Workstation Job Status */
	int64_t time;                     /* Reported: of the instruction */
	mif_sms_instruction instruction;
	const char *description;          /* never NULL: "" for none */
	const mif_sms_version *version;   /* the despooler that made it */
} mif_sms_detail;

/*
 * What the despooler of `version` creates for one instruction of job
 * job_id: the status its rules give (whatever the row held).  False
 * when that version creates no detailed job status MIF for it (SMS 1.2
 * for an expired job), or the instruction is ignored.  The strings are
 * the caller's.
 */
bool mif_sms_detail_of(const mif_sms_version *version, const char *job_id,
    const mif_sms_event *event, mif_sms_detail *detail);
/* A new document holding the detailed job status MIF; NULL when out of
 * memory.  The caller frees it with mif_doc_free(). */
mif_doc *mif_sms_detail_write(const mif_sms_detail *detail) MIF_MUST_USE;
/* Read one; false with *err when it is not one (an unknown status,
 * instruction or version, a bad date, a missing attribute). */
bool mif_sms_detail_read(const mif_doc *doc, mif_sms_detail *detail,
    mif_error *err);

/* ---- the job status table ---- */

/* A job and its rows, one per workstation.  Row strings point into the
 * documents they came from, or are the caller's. */
typedef struct mif_sms_table {
	mif_sms_job job;
	mif_sms_row *rows;
	/* per row: the SMS version whose detailed job status MIF last set
	 * it; NULL while none has */
	const mif_sms_version **set_by;
	size_t nrows;
} mif_sms_table;

/* A table of the job whose rows, one per target in the given order
 * (a target named twice has one row), are all None.  False when out of
 * memory.  Release it with mif_sms_table_release(). */
bool mif_sms_table_init(mif_sms_table *table, const mif_sms_job *job,
    const char *const *targets, size_t ntargets);
/* Read a job status table: the job group, and the rows of the template
 * MIF_SMS_DETAIL_CLASS.  False with *err for an unknown status,
 * instruction or version, a bad date, two rows for one SMS ID, a row of
 * another job, or out of memory; nothing is left to release then. */
bool mif_sms_table_read(const mif_doc *doc, mif_sms_table *table,
    mif_error *err);
void mif_sms_table_release(mif_sms_table *table);
/* A new document holding the table; NULL when out of memory. */
mif_doc *mif_sms_table_write(const mif_sms_table *table) MIF_MUST_USE;

/*
 * Handle instructions in order, as the despooler of `version` does
 * (mif_sms_replay_step()).  effects[i] (effects may be NULL) receives
 * what events[i] did; an instruction for no row of the table changes
 * nothing.  False, the table unchanged, when out of memory or when two
 * rows have one SMS ID (which mif_sms_table_read() refuses).
 */
bool mif_sms_table_run(mif_sms_table *table, const mif_sms_version *version,
    const mif_sms_event *events, size_t nevents, mif_sms_effect *effects);

/*
 * Load a detailed job status MIF into the table as the site of its
 * version does: the row of its SMS ID takes its status, time,
 * instruction and description, unless that version's quirk keeps it out
 * (*loaded false: SMS 1.1 and a double quote, Q140810).  Returns the
 * row's index, or SIZE_MAX when no row has that SMS ID.
 */
size_t mif_sms_table_load(mif_sms_table *table, const mif_sms_detail *detail,
    bool *loaded);
/* Read the detailed job status MIF of doc into *detail and load it into
 * the table (mif_sms_table_load()).  False with *err, placed in doc,
 * when it is none, is for another job, or is for an SMS ID that has no
 * row. */
bool mif_sms_table_apply(mif_sms_table *table, const mif_doc *doc,
    mif_sms_detail *detail, bool *loaded, mif_error *err);

/* ---- the job history ---- */

/* A job, its targets and the despooler's instructions. */
typedef struct mif_sms_history {
	mif_sms_job job;
	const char **targets;
	size_t ntargets;
	mif_sms_event *events;   /* in the order processed */
	size_t nevents;
	mif_error *warnings;     /* in file order, placed in the document */
	size_t nwarnings;
} mif_sms_history;

/*
 * Read a job history: the job group, the targets (template
 * MIF_SMS_TARGET_CLASS) and the instructions (template
 * MIF_SMS_INSTRUCTION_CLASS) in file order.  False with *err when a
 * sequence number does not grow, a time goes backwards, an instruction
 * names no target or is unknown, an expiry comes before the job
 * expires, a target is listed twice, or memory runs out; nothing is
 * left to release then.  Warnings, which the history keeps: a result
 * (Success or Failed) timed before the job's offer, which the Package
 * Command Manager does not collect (Q166833) and which is marked
 * ignored; a workstation's second and later expiry instructions (it
 * sends one), which are replayed.
 */
bool mif_sms_history_read(const mif_doc *doc, mif_sms_history *history,
    mif_error *err);
void mif_sms_history_release(mif_sms_history *history);
/* The history as a document in the layout of mif-jobs(5), its
 * instructions numbered from 1 in order; the strings are copied.  NULL
 * when out of memory.  The caller frees it. */
mif_doc *mif_sms_history_write(const mif_sms_history *history) MIF_MUST_USE;

/* ---- the NOIDMIF record of a package's install status ---- */

/*
 * Record in a NOIDMIF how the install of a package went (result
 * MIF_SMS_SUCCESS: "Complete", MIF_SMS_FAILURE: "Failed") and when: the
 * attribute named after the package in the group of class
 * MIF_SMS_PACKAGE_CLASS gets the VALUE "Complete 1996-06-03T10:15:00Z".
 * An attribute of that name in any case keeps its spelling (SMS refuses
 * a NOIDMIF whose attribute names change case); a missing one is added
 * with the next free ID, a missing group with the next free group ID,
 * and a missing component as NAME = "WORKSTATION".  Everything else in
 * the document stays.  False with *err for a package ID that is empty
 * or over 64 characters, another result, or out of memory.
 */
bool mif_sms_noidmif_record(mif_doc *doc, const char *package_id,
    mif_sms_instruction result, int64_t time, mif_error *err);
/* What a NOIDMIF records for a package: false when nothing, or nothing
 * in that form. */
bool mif_sms_noidmif_lookup(const mif_doc *doc, const char *package_id,
    mif_sms_status *status, int64_t *time);

/* ------------------------------------------------------------------ */
/* SMS 1.x auditing: what expiry lost                                  */

/*
 * What each version's detailed job status shows after a job's history,
 * against what the clients reported (mif-audit(1)).  The truth of a
 * workstation is the last result it reported, as a status:
 * MIF_SMS_COMPLETE, MIF_SMS_FAILED, or MIF_SMS_NONE when it never ran.
 */

/* The most versions one audit compares. */
#define MIF_SMS_AUDIT_MAX 8

/* The truth of a replayed row: its `result` as a status. */
mif_sms_status mif_sms_truth(const mif_sms_row *row);

/* Whether a displayed status tells the truth: only Complete tells
 * Complete; Retrying or Failed tell Failed; None or Pending tell that
 * the package never ran. */
bool mif_sms_status_tells(mif_sms_status shown, mif_sms_status truth);

/* Whether a row's status is lost: an expiry set it last (every row
 * that polled shows the same then), or it does not tell the truth
 * (such as a success that SMS 1.1 did not load, Q140810). */
bool mif_sms_row_lost(const mif_sms_row *row);

/* One workstation of an audited job. */
typedef struct mif_sms_audit_row {
	const char *sms_id;                      /* the history's target */
	mif_sms_status truth;                    /* None, Complete, Failed */
	mif_sms_status shown[MIF_SMS_AUDIT_MAX]; /* per version, as asked */
	bool lost[MIF_SMS_AUDIT_MAX];            /* mif_sms_row_lost() */
	unsigned before_offer;   /* results before the offer, ignored */
	unsigned expired_again;  /* expiry instructions after the first */
} mif_sms_audit_row;

/*
 * Replay a history under each of the versions (1 to MIF_SMS_AUDIT_MAX
 * of them) and fill rows[i], for target i, of the caller's array of
 * history->ntargets rows.  The strings are the history's.  False when
 * the number of versions is out of range or memory runs out.
 */
bool mif_sms_audit(const mif_sms_history *history,
    const mif_sms_version *const *versions, size_t nversions,
    mif_sms_audit_row *rows);

/* ------------------------------------------------------------------ */
/* SMS 2.0 scheduling                                                  */

/*
 * The SMS 2.0 client's Advertised Programs Manager (SMSAPM32) deciding
 * when advertised programs run, and the advertisement check box
 * "assignments are not mandatory over slow links".  mif-sched(1) tells
 * the rules, mif-sched(5) the files.  Times are seconds since 1970 UTC.
 */

/* The class of the advertisements' template group. */
#define MIF_SCHED_CLASS "MIFTOOLS|ADVERTISEMENT|1.0"
/* A link slower than this, in bit/s, is slow (SMS's default). */
#define MIF_SCHED_THRESHOLD_DEFAULT 40000u
/* A speed test less than this many seconds after the last real one
 * gives that one's answer. */
#define MIF_SCHED_CACHE_SECONDS 60
/* An assignment's time when it is "as soon as possible". */
#define MIF_SCHED_ASAP INT64_MIN
/* No assignment. */
#define MIF_SCHED_NONE SIZE_MAX

/* ---- the link and the speed test ---- */

/* The network as the client sees it. */
typedef struct mif_sched_link {
	uint64_t speed;        /* bit/s; 0: unknown */
	bool ras;              /* a RAS (dial-up) connection is active */
	bool cap_unreachable;  /* the client access point cannot be reached */
} mif_sched_link;

/* What a speed test finds, and why. */
typedef enum mif_sched_verdict {
	MIF_SCHED_LINK_FAST,        /* the speed is not below the threshold */
	MIF_SCHED_LINK_SLOW,        /* the speed is below the threshold */
	MIF_SCHED_LINK_UNKNOWN_RAS, /* speed unknown, RAS active: slow */
	MIF_SCHED_LINK_UNKNOWN_LAN, /* speed unknown, no RAS: fast */
	MIF_SCHED_LINK_NO_CAP,      /* the CAP cannot be reached: slow */
} mif_sched_verdict;

/* The verdict on a link: an unreachable CAP first, then an unknown
 * speed, then the threshold (0: MIF_SCHED_THRESHOLD_DEFAULT). */
mif_sched_verdict mif_sched_judge(const mif_sched_link *link,
    uint64_t threshold);
/* Whether a verdict means slow. */
bool mif_sched_verdict_slow(mif_sched_verdict verdict);
/* "threshold-met", "below-threshold", "unknown-with-ras",
 * "unknown-without-ras", "cap-unreachable"; NULL out of range. */
const char *mif_sched_verdict_name(mif_sched_verdict verdict);

/* One speed test's answer. */
typedef struct mif_sched_test {
	bool cached;           /* given by the cache: no test was made */
	int64_t tested;        /* when the real test that answers was made */
	mif_sched_link link;   /* the link as that test found it */
	uint64_t threshold;
	mif_sched_verdict verdict;
	bool slow;
} mif_sched_test;

/* The client's speed tests: the 60-second cache and the counts.  The
 * caller owns it (on the stack is fine); it holds no memory. */
typedef struct mif_sched_speed {
	uint64_t threshold;
	bool tested;           /* a real test has been made */
	mif_sched_test last;   /* the last real test */
	size_t made, cached;   /* tests made, answers from the cache */
} mif_sched_speed;

/* A cache with no test made yet; threshold 0: the default. */
void mif_sched_speed_init(mif_sched_speed *speed, uint64_t threshold);
/*
 * Test the link at time now: when a real test was made less than
 * MIF_SCHED_CACHE_SECONDS before (and not after now), its answer,
 * marked cached; otherwise a real test of `link`, which the cache keeps.
 */
mif_sched_test mif_sched_speed_test(mif_sched_speed *speed,
    const mif_sched_link *link, int64_t now);

/* ---- advertisements ---- */

/* A program: a package's program, named as its advertisements name it. */
typedef struct mif_sched_program {
	const char *package;   /* Package ID */
	const char *name;      /* the program's name */
} mif_sched_program;

/* One assignment of an advertisement. */
typedef struct mif_sched_assignment {
	const char *advert;    /* Advertisement ID */
	int64_t number;        /* the assignment within its advertisement */
	size_t program;        /* index of its advertisement's program */
	int64_t time;          /* when it is due, or MIF_SCHED_ASAP */
	bool not_mandatory_slow; /* its advertisement's check box */
	mif_mark mark;         /* its row in the file; line 0 when built */
} mif_sched_assignment;

typedef struct mif_sched_adverts mif_sched_adverts;

/* No advertisements yet; NULL when out of memory. */
mif_sched_adverts *mif_sched_adverts_new(void) MIF_MUST_USE;
void mif_sched_adverts_free(mif_sched_adverts *adverts);

/*
 * Add an assignment (the strings are copied; time may be
 * MIF_SCHED_ASAP).  False with *err (may be NULL; no place) when the
 * advertisement already has this assignment number, when its earlier
 * assignments name another program or another check box (an
 * advertisement is for one program, and its box is one), or when a
 * string is empty or memory runs out.
 */
bool mif_sched_adverts_add(mif_sched_adverts *adverts, const char *advert,
    int64_t number, const char *package, const char *program, int64_t time,
    bool not_mandatory_slow, mif_error *err);

/*
 * Read the advertisements of a MIF (mif-sched(5)): the rows of the
 * template of class MIF_SCHED_CLASS, through mif_rows_open().  The
 * document should have passed mif_check().  NULL with *err placed in
 * the document (may be NULL) when there is no such template, an
 * attribute is missing or of the wrong type, a value is absent or
 * unusable (a date partly unknown, a check box other than 0 and 1), or
 * rows of one advertisement disagree; also when out of memory.  The
 * result owns copies of its strings: it does not need doc.
 */
mif_sched_adverts *mif_sched_adverts_read(const mif_doc *doc,
    mif_error *err) MIF_MUST_USE;

/* Assignments in the order added (file order), and programs in the
 * order first named; indexes count from 0.  Valid until freed. */
size_t mif_sched_adverts_count(const mif_sched_adverts *adverts);
const mif_sched_assignment *mif_sched_adverts_assignment(
    const mif_sched_adverts *adverts, size_t index);
size_t mif_sched_adverts_programs(const mif_sched_adverts *adverts);
const mif_sched_program *mif_sched_adverts_program(
    const mif_sched_adverts *adverts, size_t index);

/* ---- the client's timeline ---- */

typedef enum mif_sched_event_kind {
	MIF_SCHED_ODP,         /* the Offer Data Providers run: evaluate */
	MIF_SCHED_REFRESH,     /* the user presses Refresh: evaluate */
	MIF_SCHED_SPEED,       /* value: the link's speed in bit/s, 0 unknown */
	MIF_SCHED_RAS,         /* value: 1 a RAS connection is up, 0 down */
	MIF_SCHED_CAP,         /* value: 1 the CAP is reachable, 0 not */
} mif_sched_event_kind;

typedef struct mif_sched_event {
	int64_t time;
	mif_sched_event_kind kind;
	uint64_t value;
	unsigned line;         /* in the timeline text; 0 when built */
} mif_sched_event;

/* "odp", "refresh", "speed", "ras", "cap"; NULL out of range. */
const char *mif_sched_event_name(mif_sched_event_kind kind);

typedef struct mif_sched_timeline mif_sched_timeline;

/*
 * Parse a timeline (mif-sched(5)): one event a line, "TIME EVENT
 * [ARGUMENT]", '#' comments, times never going back.  Every bad line
 * is recorded as an error (up to MIF_MAX_ERRORS_DEFAULT, then one
 * MIF_E_TOO_MANY), with source_name and the line; the good lines are
 * kept.  NULL only when out of memory.  Free with
 * mif_sched_timeline_free().
 */
mif_sched_timeline *mif_sched_timeline_parse(const char *text, size_t len,
    const char *source_name) MIF_MUST_USE;
void mif_sched_timeline_free(mif_sched_timeline *timeline);
/* The events, in order; valid until freed. */
const mif_sched_event *mif_sched_timeline_events(
    const mif_sched_timeline *timeline, size_t *count);
size_t mif_sched_timeline_error_count(const mif_sched_timeline *timeline);
const mif_error *mif_sched_timeline_error(const mif_sched_timeline *timeline,
    size_t index);

/* ---- the simulation ---- */

typedef struct mif_sched_options {
	uint64_t threshold;    /* bit/s; 0: MIF_SCHED_THRESHOLD_DEFAULT */
	bool has_until;        /* stop at `until`; otherwise go on after the
	                          last event until every scheduled program
	                          has run */
	int64_t until;
} mif_sched_options;

/* What the simulation records, in the order it happens. */
typedef enum mif_sched_step_kind {
	/* an evaluation scheduled the program */
	MIF_SCHED_STEP_SCHEDULED,
	/* an evaluation found no assignment that qualifies (a schedule
	 * the program had is dropped) */
	MIF_SCHED_STEP_NOT_SCHEDULED,
	/* one assignment the evaluation before it looked at, and what it
	 * found (one that has run is passed over) */
	MIF_SCHED_STEP_LOOKED,
	/* the program ran for an assignment */
	MIF_SCHED_STEP_RAN,
	/* at `until`: scheduled, not yet run */
	MIF_SCHED_STEP_PENDING,
} mif_sched_step_kind;

typedef struct mif_sched_step {
	mif_sched_step_kind kind;
	int64_t time;          /* when it happened */
	size_t program;        /* mif_sched_adverts_program() index */
	size_t assignment;     /* the assignment scheduled, looked at, run
	                          or pending; MIF_SCHED_NONE for
	                          NOT_SCHEDULED */
	int64_t due;           /* SCHEDULED, PENDING: when the program runs
	                          (the assignment's time; the evaluation's
	                          when that has passed or is ASAP) */
	mif_sched_event_kind by; /* evaluations: MIF_SCHED_ODP or _REFRESH */
	unsigned line;         /* evaluations: the event's line */
	bool tested;           /* SCHEDULED, LOOKED: a speed test was asked
	                          (the box is set); test is its answer */
	mif_sched_test test;
	bool qualifies;        /* LOOKED: the assignment qualifies */
	bool has_run;          /* LOOKED: passed over, it has run already
	                          (no test, no due) */
	size_t skipped;        /* SCHEDULED, NOT_SCHEDULED: assignments
	                          skipped over a slow link (NOT_SCHEDULED
	                          with 0: every assignment has run) */
	size_t dropped;        /* NOT_SCHEDULED: the assignment of the
	                          schedule dropped, or MIF_SCHED_NONE */
} mif_sched_step;

typedef struct mif_sched_sim mif_sched_sim;

/*
 * Simulate the client over the events (in time order) with these
 * advertisements: at each evaluation, for each program, the
 * assignments that have not run, earliest first (ASAP ones at the
 * evaluation's time); the first that qualifies schedules the program,
 * and each scheduled program runs when its time comes, once per
 * assignment (mif-sched(1), RULES).  opts may be NULL.  NULL with *err
 * (may be NULL) when the events go back in time or memory runs out.
 * Reads adverts, which must outlive the result; free it with
 * mif_sched_sim_free().
 */
mif_sched_sim *mif_sched_simulate(const mif_sched_adverts *adverts,
    const mif_sched_event *events, size_t nevents,
    const mif_sched_options *opts, mif_error *err) MIF_MUST_USE;
void mif_sched_sim_free(mif_sched_sim *sim);

/* Every step, in the order it happened; valid until freed. */
const mif_sched_step *mif_sched_sim_steps(const mif_sched_sim *sim,
    size_t *count);
/* The speed tests: made, cached, and the last real one. */
const mif_sched_speed *mif_sched_sim_speed(const mif_sched_sim *sim);

/* ------------------------------------------------------------------ */
/* Comparing                                                           */

/*
 * Whether two documents hold the same tree: the same blocks, statements
 * and values (integer radix included) in the same order, and the same
 * comments at the same places.  Positions, encoding and line ends do
 * not count.  When they differ and `why` is not NULL, a one-line
 * description of the first difference is written there.
 */
bool mif_doc_same(const mif_doc *a, const mif_doc *b, char *why,
    size_t whylen);

#ifdef __cplusplus
}
#endif
#endif /* MIF_H */
