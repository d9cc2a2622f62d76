/*
 * JSON a token at a time over yajl (sms_json_pull.h).  yajl tells how
 * far into a chunk it is when a callback comes, not where the token
 * started, nor line and column: the placer below follows the bytes up
 * to that point and notes where the token began.  Between two tokens
 * that yajl hands over lie only blanks and at most one comma or colon
 * (which yajl checks and keeps to itself), so the token starts at the
 * first other byte; at a syntax error, the token that yajl refused is
 * the last one begun.  The placer also checks the \u escapes of strings,
 * as yajl turns a lone surrogate into "?" or into bytes that are no
 * UTF-8, and \u0000 into a NUL, rather than refusing them.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <yajl/yajl_parse.h>

#include "sms/internal.h"
#include "sms/sms_json_pull.h"

/* Nesting deeper than this is refused (yajl itself has no limit). */
#define MAX_DEPTH 10000
/* No report holds a string or number near this long: past it the input
 * is no report, and reading on would only grow memory (yajl keeps a
 * token whole until its end). */
#define MAX_TOKEN (1u << 20)
/* The bytes read at a time; the fuzzing build makes it small, so that
 * tokens often straddle two chunks. */
#ifndef JPULL_CHUNK
#define JPULL_CHUNK 16384
#endif

typedef struct place {
	unsigned line, column;
} place;

typedef struct queued {
	jpull_token token;
	place at;
	size_t text, len;          /* in the queue's text */
} queued;

struct jpull_in {
	FILE *file;
	yajl_handle yajl;
	unsigned char *chunk;
	size_t chunk_len, chunk_cap;
	size_t seen;               /* bytes of the chunk the placer has been
	                              through */
	bool finishing;            /* in yajl_complete_parse(): no chunk */
	/* the tokens of a chunk, and their texts one after another */
	queued *queue;
	size_t queued, next, cap;
	char *text;
	size_t text_len, text_cap;
	/* the end, which comes after the tokens queued: JPULL_EOF or
	 * JPULL_ERROR, where, and what is wrong */
	bool ended;
	jpull_token end;
	place end_at;
	char error[160];
	int depth;
	/* the placer: where the next byte is, and the place before the last
	 * line end, which is the end of the input when that line end ends it */
	place at, before_end;
	uint64_t offset;           /* of the next byte */
	unsigned char last;
	enum { BETWEEN, AFTER_SEPARATOR, IN_TOKEN } state;
	place start;               /* of the token begun */
	uint64_t start_offset;
	unsigned char first;       /* its first byte */
	/* a string's \u escapes: 1 after a backslash, then 2..5 in the hex
	 * digits of \u; a high surrogate waiting for its low one */
	int escape;
	unsigned hex;
	bool high;
	const char *bad;           /* what is wrong with the string */
};

static const char *const names[] = {
	"the end of the input", "an error", "{", "}", "[", "]", "a key",
	"a string", "a number", "true", "false", "null",
};

const char *
jpull_token_name(jpull_token t)
{
	return (unsigned)t < sizeof names / sizeof names[0] ? names[t] : "?";
}

/* ---- the placer ---- */

static void
check_escape(jpull_in *in)
{
	unsigned u = in->hex;

	if (in->high && (u < 0xDC00 || u > 0xDFFF))
		in->bad = "a high surrogate without its low one";
	else if (in->high)
		in->high = false;
	else if (u >= 0xD800 && u <= 0xDBFF)
		in->high = true;
	else if (u >= 0xDC00 && u <= 0xDFFF)
		in->bad = "a low surrogate without its high one";
	else if (u == 0)
		in->bad = "a NUL character (\\u0000) in a string";
}

/* One byte of a string after its opening quote, which yajl has already
 * taken as good: escapes are whole, \u has four hex digits. */
static void
string_byte(jpull_in *in, unsigned char c)
{
	if (in->escape == 1) {
		in->escape = c == 'u' ? 2 : 0;
		in->hex = 0;
		if (c != 'u' && in->high && in->bad == NULL)
			in->bad = "a high surrogate without its low one";
	} else if (in->escape >= 2) {
		in->hex = in->hex * 16 + (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
		if (++in->escape == 6) {
			in->escape = 0;
			if (in->bad == NULL)
				check_escape(in);
		}
	} else if (c == '\\') {
		in->escape = 1;
	} else if (in->high && in->bad == NULL) {
		in->bad = "a high surrogate without its low one";
	}
}

/* The bytes of a string up to its next backslash, when no escape is
 * under way: only their characters count (no line ends, yajl refuses
 * them in strings).  How many bytes it went through. */
static size_t
see_plain(jpull_in *in, const unsigned char *b, size_t n)
{
	size_t i = 0;
	unsigned column = in->at.column;

	if (in->escape != 0 || in->high)
		return 0;
	for (; i < n && b[i] != '\\'; i++)
		column += (b[i] & 0xC0) != 0x80;
	if (i > 0) {
		in->at.column = column;
		in->last = b[i - 1];
		in->offset += i;
	}
	return i;
}

static void
see(jpull_in *in, const unsigned char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (in->state == IN_TOKEN && in->first == '"' &&
		    (i += see_plain(in, b + i, n - i)) == n)
			break;

		unsigned char c = b[i];
		bool blank = c == ' ' || c == '\t' || c == '\n' || c == '\r';

		if (in->state == IN_TOKEN) {
			if (in->first == '"')
				string_byte(in, c);
		} else if (!blank) {
			in->state = in->state == BETWEEN && (c == ',' || c == ':')
			    ? AFTER_SEPARATOR : IN_TOKEN;
			in->start = in->at;
			in->start_offset = in->offset;
			in->first = c;
			in->escape = 0;
			in->high = false;
			in->bad = NULL;
		}
		if (c == '\r' || (c == '\n' && in->last != '\r'))
			in->before_end = in->at;
		if (c == '\n') {
			in->at.line++;
			in->at.column = 1;
		} else if ((c & 0xC0) != 0x80) {
			in->at.column++; /* characters, not the bytes that continue one */
		}
		in->last = c;
		in->offset++;
	}
}

/* Follow the chunk up to where yajl is in it. */
static void
see_to(jpull_in *in, size_t end)
{
	if (in->finishing || end <= in->seen)
		return;
	see(in, in->chunk + in->seen, end - in->seen);
	in->seen = end;
}

/* Where the token begun starts. */
static place
token_start(const jpull_in *in)
{
	return in->state == BETWEEN ? in->at : in->start;
}

/* ---- the queue ---- */

static bool
enqueue(jpull_in *in, jpull_token t, place at, const char *s, size_t n)
{
	if (in->queued == in->cap) {
		size_t cap = in->cap > 0 ? in->cap * 2 : 256;
		queued *q = realloc(in->queue, cap * sizeof *q);
		if (q == NULL)
			return false;
		in->queue = q;
		in->cap = cap;
	}
	if (in->text_len + n + 1 > in->text_cap) {
		size_t cap = in->text_cap > 0 ? in->text_cap : 4096;
		while (cap < in->text_len + n + 1)
			cap *= 2;
		char *p = realloc(in->text, cap);
		if (p == NULL)
			return false;
		in->text = p;
		in->text_cap = cap;
	}
	in->queue[in->queued++] = (queued){ t, at, in->text_len, n };
	if (n > 0)
		memcpy(in->text + in->text_len, s, n);
	in->text[in->text_len + n] = '\0';
	in->text_len += n + 1;
	return true;
}

/* The end of reading: an error (fmt) at `at`, or the end of the input
 * (fmt NULL).  Returns 0, which tells yajl to stop. */
static int
end(jpull_in *in, place at, const char *fmt, ...)
{
	va_list ap;

	if (in->ended)
		return 0;
	in->ended = true;
	in->end = fmt != NULL ? JPULL_ERROR : JPULL_EOF;
	in->end_at = at;
	if (fmt != NULL) {
		va_start(ap, fmt);
		vsnprintf(in->error, sizeof in->error, fmt, ap);
		va_end(ap);
	}
	return 0;
}

/* A token from yajl: placed, checked against the limits, queued. */
static int
put(jpull_in *in, jpull_token t, const void *s, size_t n)
{
	see_to(in, yajl_get_bytes_consumed(in->yajl));
	place at = token_start(in);
	uint64_t raw = in->offset - in->start_offset;
	const char *bad = in->bad;

	in->state = BETWEEN;
	if (t == JPULL_KEY || t == JPULL_STRING) {
		if (raw - 2 > MAX_TOKEN)
			return end(in, at, "a string over %u bytes: no report "
			    "holds one", MAX_TOKEN);
		if (bad != NULL)
			return end(in, at, "%s", bad);
		/* yajl lets overlong forms and encoded surrogates through */
		if (mif_utf8_span(s, n) != n)
			return end(in, at, "a string that is not UTF-8");
	} else if (t == JPULL_NUMBER && raw > MAX_TOKEN) {
		return end(in, at, "a number over %u bytes: no report holds one",
		    MAX_TOKEN);
	} else if (t == JPULL_BEGIN_OBJECT || t == JPULL_BEGIN_ARRAY) {
		if (++in->depth > MAX_DEPTH)
			return end(in, at, "nesting deeper than %d", MAX_DEPTH);
	} else if (t == JPULL_END_OBJECT || t == JPULL_END_ARRAY) {
		in->depth--;
	}
	return enqueue(in, t, at, s, n) ? 1 : end(in, at, "out of memory");
}

static int
on_null(void *in)
{
	return put(in, JPULL_NULL, NULL, 0);
}

static int
on_boolean(void *in, int b)
{
	return put(in, b ? JPULL_TRUE : JPULL_FALSE, NULL, 0);
}

static int
on_number(void *in, const char *s, size_t n)
{
	return put(in, JPULL_NUMBER, s, n);
}

static int
on_string(void *in, const unsigned char *s, size_t n)
{
	return put(in, JPULL_STRING, s, n);
}

static int
on_key(void *in, const unsigned char *s, size_t n)
{
	return put(in, JPULL_KEY, s, n);
}

static int
on_begin_object(void *in)
{
	return put(in, JPULL_BEGIN_OBJECT, NULL, 0);
}

static int
on_end_object(void *in)
{
	return put(in, JPULL_END_OBJECT, NULL, 0);
}

static int
on_begin_array(void *in)
{
	return put(in, JPULL_BEGIN_ARRAY, NULL, 0);
}

static int
on_end_array(void *in)
{
	return put(in, JPULL_END_ARRAY, NULL, 0);
}

static const yajl_callbacks callbacks = {
	.yajl_null = on_null, .yajl_boolean = on_boolean,
	.yajl_number = on_number, .yajl_string = on_string,
	.yajl_start_map = on_begin_object, .yajl_map_key = on_key,
	.yajl_end_map = on_end_object, .yajl_start_array = on_begin_array,
	.yajl_end_array = on_end_array,
};

/* ---- yajl's errors in our words ---- */

/* What yajl says (after "parse error: " or "lexical error: "), and what
 * we say: a parse error as "TOKEN where WANT should be". */
static const struct {
	const char *yajl, *want, *says;
} yajl_errors[] = {
	{ "invalid object key (must be a string)", "a key", NULL },
	{ "object key and value must be separated by a colon (':')", ":", NULL },
	{ "after key and value, inside map, I expect ',' or '}'", ", or }",
	    NULL },
	{ "after array element, I expect ',' or ']'", ", or ]", NULL },
	{ "unallowed token at this point in JSON text", "a value", NULL },
	{ "invalid char in json text.", NULL,
	    "a character that starts no JSON token" },
	{ "invalid string in json text.", NULL, "an unknown word" },
	{ "inside a string, '\\' occurs before a character which it may not.",
	    NULL, "an unknown escape in a string" },
	{ "invalid character inside string.", NULL,
	    "a control character in a string" },
	{ "invalid (non-hex) character occurs after '\\u' inside string.",
	    NULL, "a \\u escape needs four hex digits" },
	{ "invalid bytes in UTF8 string.", NULL, "a string that is not UTF-8" },
	{ "malformed number, a digit is required after the exponent.", NULL,
	    "a malformed number" },
	{ "malformed number, a digit is required after the decimal point.",
	    NULL, "a malformed number" },
	{ "malformed number, a digit is required after the minus sign.", NULL,
	    "a malformed number" },
	{ "probable comment found in input text, comments are not enabled.",
	    NULL, "a comment, which JSON has not" },
};

/* The name of the token that starts with c, which yajl refused. */
static const char *
refused_name(unsigned char c)
{
	static const char punct[] = "{}[],:";

	if (c != '\0' && strchr(punct, c) != NULL) {
		static const char *const each[] = { "{", "}", "[", "]", ",", ":" };
		return each[strchr(punct, c) - punct];
	}
	return c == '"' ? "a string" : c == 't' ? "true" : c == 'f' ? "false"
	    : c == 'n' ? "null" : "a number";
}

/* Follow the chunk on to the token that yajl refused: yajl may give
 * its start rather than its end (it steps back over a token that cannot
 * follow a member's value, and over the / of a comment); a lexical error
 * is in a token, never a comma or colon. */
static void
see_refused(jpull_in *in, bool lexical)
{
	see_to(in, yajl_get_bytes_consumed(in->yajl));
	while (!in->finishing && in->seen < in->chunk_len &&
	    (in->state == BETWEEN || (lexical && in->state != IN_TOKEN)))
		see_to(in, in->seen + 1);
}

/* A syntax error of yajl's, at the token it refused.  The end of the
 * input where more should come is JPULL_EOF: the reader says what it
 * wanted there. */
static void
syntax_error(jpull_in *in)
{
	unsigned char *e = yajl_get_error(in->yajl, 0, NULL, 0);
	const char *what = e != NULL ? strstr((const char *)e, ": ") : NULL;
	size_t len;

	see_refused(in, e != NULL && strncmp((const char *)e, "lexical", 7) == 0);
	if (what == NULL) {
		end(in, token_start(in), "%s", e != NULL ? "a syntax error"
		    : "out of memory");
		goto done;
	}
	what += 2;
	len = strcspn(what, "\n");
	if (in->finishing && in->state == IN_TOKEN && in->first == '"') {
		end(in, in->start, "a string without its closing quote");
		goto done;
	}
	if (in->finishing && len == strlen("premature EOF") &&
	    strncmp(what, "premature EOF", len) == 0) {
		end(in, in->last == '\n' ? in->before_end : in->at, NULL);
		goto done;
	}
	for (size_t i = 0; i < sizeof yajl_errors / sizeof yajl_errors[0]; i++)
		if (strlen(yajl_errors[i].yajl) == len &&
		    strncmp(yajl_errors[i].yajl, what, len) == 0) {
			if (yajl_errors[i].says != NULL)
				end(in, token_start(in), "%s", yajl_errors[i].says);
			else
				end(in, token_start(in), "%s where %s should be",
				    refused_name(in->first), yajl_errors[i].want);
			goto done;
		}
	end(in, token_start(in), "%.*s", (int)len, what);
done:
	yajl_free_error(in->yajl, e);
}

/* ---- reading ---- */

/* A token begun at the end of a chunk that is already over the limit
 * (yajl would keep it whole until its end). */
static void
check_begun(jpull_in *in)
{
	uint64_t raw = in->offset - in->start_offset;

	if (in->state != IN_TOKEN)
		return;
	if (in->first == '"' && raw - 1 > MAX_TOKEN)
		end(in, in->start, "a string over %u bytes: no report holds one",
		    MAX_TOKEN);
	else if ((in->first == '-' || (in->first >= '0' && in->first <= '9')) &&
	    raw > MAX_TOKEN)
		end(in, in->start, "a number over %u bytes: no report holds one",
		    MAX_TOKEN);
}

/*
 * Read the next chunk into in->chunk; its length, 0 at the end (or on
 * a read error, or out of memory: in->ended then).  yajl reads a token
 * that straddles chunks again from its start at each chunk: a chunk as
 * long as the part of the token already read keeps that work linear.
 */
static size_t
read_chunk(jpull_in *in)
{
	size_t want = JPULL_CHUNK;

	if (in->state == IN_TOKEN && in->offset - in->start_offset > want)
		want = (size_t)(in->offset - in->start_offset);
	if (want > in->chunk_cap) {
		unsigned char *c = realloc(in->chunk, want);
		if (c == NULL) {
			end(in, in->at, "out of memory");
			return 0;
		}
		in->chunk = c;
		in->chunk_cap = want;
	}
	size_t n = fread(in->chunk, 1, want, in->file);
	if (n == 0 && ferror(in->file))
		end(in, in->at, "a read error");
	return n;
}

/* Read on until some token is queued, or the end. */
static void
refill(jpull_in *in)
{
	in->queued = in->next = 0;
	in->text_len = 0;
	while (in->queued == 0 && !in->ended) {
		size_t n = read_chunk(in);
		yajl_status s;

		if (in->ended)
			return;
		if (n == 0) {
			in->finishing = true;
			s = yajl_complete_parse(in->yajl);
			if (s == yajl_status_error)
				syntax_error(in);
			else if (s == yajl_status_ok)
				end(in, in->last == '\n' ? in->before_end : in->at,
				    NULL);
			return;
		}
		in->chunk_len = n;
		in->seen = 0;
		s = yajl_parse(in->yajl, in->chunk, n);
		if (s == yajl_status_error) {
			syntax_error(in);
		} else if (s == yajl_status_ok) {
			see_to(in, n);
			check_begun(in);
		}
		/* yajl_status_client_canceled: a callback ended it */
	}
}

bool
jpull_init(jpull *p, FILE *file)
{
	memset(p, 0, sizeof *p);
	p->text = "";
	p->in = calloc(1, sizeof *p->in);
	if (p->in == NULL)
		return false;
	p->in->file = file;
	p->in->at = (place){ 1, 1 };
	p->in->yajl = yajl_alloc(&callbacks, NULL, p->in);
	if (p->in->yajl == NULL) {
		free(p->in);
		p->in = NULL;
		return false;
	}
	/* reports joined with cat(1): one object after another */
	yajl_config(p->in->yajl, yajl_allow_multiple_values, 1);
	return true;
}

void
jpull_free(jpull *p)
{
	if (p->in == NULL)
		return;
	yajl_free(p->in->yajl);
	free(p->in->chunk);
	free(p->in->queue);
	free(p->in->text);
	free(p->in);
	p->in = NULL;
}

jpull_token
jpull_next(jpull *p)
{
	jpull_in *in = p->in;
	const queued *q;

	if (in->next == in->queued && !in->ended)
		refill(in);
	if (in->next == in->queued) {
		p->line = in->end_at.line;
		p->column = in->end_at.column;
		p->text = "";
		p->len = 0;
		snprintf(p->error, sizeof p->error, "%s", in->error);
		return in->end;
	}
	q = &in->queue[in->next++];
	p->line = q->at.line;
	p->column = q->at.column;
	p->text = in->text + q->text;
	p->len = q->len;
	return q->token;
}

bool
jpull_skip(jpull *p, jpull_token first)
{
	size_t depth = 0;
	jpull_token t = first;

	/* yajl has checked the grammar: only the end can come too soon */
	for (;;) {
		if (t == JPULL_BEGIN_OBJECT || t == JPULL_BEGIN_ARRAY) {
			depth++;
		} else if (t == JPULL_END_OBJECT || t == JPULL_END_ARRAY) {
			depth--;
		} else if (t == JPULL_ERROR) {
			return false;
		} else if (t == JPULL_EOF) {
			snprintf(p->error, sizeof p->error, "the input ends inside "
			    "a value");
			return false;
		}
		if (depth == 0)
			return true;
		t = jpull_next(p);
	}
}
