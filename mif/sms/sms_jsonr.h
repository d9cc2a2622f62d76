/*
 * Reading JSON text (RFC 8259) one token at a time from a stream, so
 * that a reader can take a large document piece by piece: memory holds
 * one token, whatever the size of the document.
 */
#ifndef JSONR_H
#define JSONR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum jsonr_token {
	JSONR_EOF,        /* the end of the input */
	JSONR_ERROR,      /* the error says what; reading stops */
	JSONR_BEGIN_OBJECT, JSONR_END_OBJECT,
	JSONR_BEGIN_ARRAY, JSONR_END_ARRAY,
	JSONR_COLON, JSONR_COMMA,
	JSONR_STRING,     /* text: UTF-8, NUL-terminated; no NUL inside */
	JSONR_NUMBER,     /* text: as written */
	JSONR_TRUE, JSONR_FALSE, JSONR_NULL,
} jsonr_token;

typedef struct jsonr {
	FILE *in;
	unsigned line, column;     /* where the last token starts, from 1;
	                              the end of the input's last line for
	                              JSONR_EOF */
	char *text;                /* of the last string or number */
	size_t len, cap;
	char error[160];
	/* private */
	unsigned at_line, at_column;
	unsigned end_line, end_column; /* before the last line end */
	int last;                      /* the last byte read */
	bool failed;
} jsonr;

void jsonr_init(jsonr *r, FILE *in);
void jsonr_free(jsonr *r);

/* The next token.  After JSONR_ERROR, r->error and r->line, r->column
 * say what and where, and every later call gives JSONR_ERROR again. */
jsonr_token jsonr_next(jsonr *r);

/* Skip the rest of a value whose first token was `first`, up to its
 * matching bracket (what lies inside is tokenized, not checked against
 * the grammar); false after an error (r->error set). */
bool jsonr_skip(jsonr *r, jsonr_token first);

/* Fail with a message of the caller's, placed at the last token. */
jsonr_token jsonr_fail(jsonr *r, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* "a string", "}" ...: a token's name, for messages. */
const char *jsonr_token_name(jsonr_token t);

#endif /* JSONR_H */
