/*
 * Decoding string literals for the scanner: their escapes, and the
 * warnings that say what an escape was read as where its writer may have
 * meant something else.  The rules are those of mif(5), "Strings".
 *
 * Real writers put Windows paths in strings without doubling their
 * backslashes ("C:\Program Files\Contoso").  So a backslash before a
 * character that starts no escape stays a backslash, and an escape that
 * does decode inside what looks like a Windows path ("C:\Contoso\new")
 * is read as the escape but said out loud.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang/parse.h"

static bool
scratch_reserve(mif_parser *p, size_t n)
{
	if (n <= p->scratch_cap)
		return true;
	size_t cap = p->scratch_cap == 0 ? 256 : p->scratch_cap;
	while (cap < n)
		cap *= 2;
	char *s = realloc(p->scratch, cap);
	if (s == NULL)
		return false;
	p->scratch = s;
	p->scratch_cap = cap;
	return true;
}

static bool
is_letter(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static bool
is_name_char(char c)
{
	return is_letter(c) || (c >= '0' && c <= '9') || c == '_';
}

/* Whether a literal's text looks like it holds a Windows path: a drive
 * ("C:\") that does not end a word, a UNC name ("\\server") at its
 * start, or an environment variable ("%SystemRoot%\"). */
static bool
looks_like_windows_path(const char *body, size_t len)
{
	if (len >= 3 && body[0] == '\\' && body[1] == '\\' &&
	    is_name_char(body[2]))
		return true;
	for (size_t i = 0; i + 2 < len; i++) {
		if (is_letter(body[i]) && body[i + 1] == ':' &&
		    body[i + 2] == '\\' && (i == 0 || !is_name_char(body[i - 1])))
			return true;
		if (body[i + 1] == '%' && body[i + 2] == '\\') {
			/* back over the variable's name: each name is passed
			 * over once, so this stays linear */
			size_t j = i + 1;
			while (j > 0 && is_name_char(body[j - 1]))
				j--;
			if (j > 0 && j < i + 1 && body[j - 1] == '%')
				return true;
		}
	}
	return false;
}

/* Whether a backslash of the literal starts no escape: its writer, then,
 * does not double backslashes, and its "\\" meant two of them. */
static bool
has_unknown_escape(const char *body, size_t len)
{
	for (size_t i = 0; i + 1 < len; i++) {
		if (body[i] != '\\')
			continue;
		char c = body[++i]; /* past the escape's first character */
		if (c == 'x' ? i + 1 >= len || mif_hex_digit(body[i + 1]) < 0
		    : strchr("abfnrtv\\\"'?01234567", c) == NULL)
			return true;
	}
	return false;
}

/* "a line feed (0x0A)", "the character 0x86", "\"A\"" */
static void
describe_char(uint32_t cp, char *buf, size_t len)
{
	static const char *const controls[] = {
		"a bell", "a backspace", "a tab", "a line feed",
		"a vertical tab", "a form feed", "a carriage return",
	};

	if (cp >= '\a' && cp <= '\r') {
		snprintf(buf, len, "%s (0x%02X)", controls[cp - '\a'], (unsigned)cp);
	} else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
		snprintf(buf, len, "the character 0x%02X", (unsigned)cp);
	} else {
		char utf8[8];
		size_t n = mif_utf8_put(utf8, cp);
		snprintf(buf, len, "\"%.*s\"", (int)n, utf8);
	}
}

/* An escape that decoded, in a string that looks like a Windows path:
 * say what it was read as, for its writer may have meant a backslash. */
static void
warn_path_escape(mif_parser *p, const char *esc, size_t n, uint32_t cp,
    uint32_t pos)
{
	char what[48];

	if (esc[1] == '\\') {
		mif_diag_rule(p->doc, MIF_RULE_PATH_DOUBLE_BACKSLASH, MIF_WARNING, pos, MIF_NOPOS,
		    "escape \\\\ in what looks like a Windows path, among "
		    "single backslashes; read as one backslash, not two");
		return;
	}
	describe_char(cp, what, sizeof what);
	mif_diag_rule(p->doc, MIF_RULE_READ_AS, MIF_WARNING, pos, MIF_NOPOS,
	    "escape %.*s in what looks like a Windows path; read as %s, "
	    "not a backslash and \"%.*s\"", (int)n, esc, what,
	    (int)n - 1, esc + 1);
}

/* What the DMI reference parser, whose escapes ignore case, reads for
 * "\\" and the capital c; false for a letter it knows no escape of. */
static bool
reference_reads(char c, char *buf, size_t len)
{
	static const char capitals[] = "ABFNRTVX";
	static const char controls[] = "\a\b\f\n\r\t\v";
	const char *at = c != '\0' ? strchr(capitals, c) : NULL;

	if (at == NULL)
		return false;
	if (c == 'X')
		snprintf(buf, len, "\\x, a hexadecimal escape");
	else
		describe_char((unsigned char)controls[at - capitals], buf, len);
	return true;
}

/* The backslash at body[at] before a character that starts no escape:
 * keep both and warn.  Returns the bytes written to out. */
static size_t
keep_backslash(mif_parser *p, const char *body, size_t len, size_t at,
    size_t *i, uint32_t pos, char *out)
{
	uint32_t cp;
	size_t n = mif_utf8_get((const unsigned char *)body + at + 1,
	    len - at - 1, &cp);

	if (n == 0)
		n = 1;
	*i = at + 1 + n;
	memcpy(out, body + at, 1 + n);
	char what[48];
	if (reference_reads(body[at + 1], what, sizeof what)) {
		/* C:\TEMP: a path, most likely, whatever the reference
		 * parser made of it */
		mif_diag_rule(p->doc, MIF_RULE_ESCAPE_UPPER, MIF_WARNING,
		    pos + (uint32_t)at, MIF_NOPOS, "escape \\%c in capitals; read "
		    "as a backslash and \"%c\", where the DMI reference parser "
		    "reads %s", body[at + 1], body[at + 1], what);
		return 1 + n;
	}
	mif_diag_rule(p->doc, MIF_RULE_ESCAPE, MIF_WARNING, pos + (uint32_t)at,
	    MIF_NOPOS, "unknown escape \\%.*s; read as a backslash and \"%.*s\"",
	    (int)n, body + at + 1, (int)n, body + at + 1);
	return 1 + n;
}

/* The value of the octal escape at body[at] (one to three digits, up to
 * \377); *i goes past it. */
static uint32_t
octal_escape(mif_parser *p, const char *body, size_t len, size_t at,
    size_t *i, uint32_t pos)
{
	uint32_t v = 0;
	size_t k = at + 1, n = 0;

	for (; n < 3 && k < len && body[k] >= '0' && body[k] <= '7'; n++, k++) {
		uint32_t next = v * 8 + (uint32_t)(body[k] - '0');
		if (next > 0377) {
			mif_diag_rule(p->doc, MIF_RULE_ESCAPE_OCTAL, MIF_WARNING,
			    pos + (uint32_t)at, MIF_NOPOS,
			    "octal escape over \\377; read as \\%o then \"%c\"",
			    v, body[k]);
			break;
		}
		v = next;
	}
	*i = k;
	return v;
}

/* Which escapes of a literal get a warning for what they decode to. */
enum escape_doubt {
	DOUBT_NONE,
	DOUBT_PATH,       /* a Windows path: all but \\ and \" */
	DOUBT_UNDOUBLED,  /* ... from a writer that leaves backslashes
	                     single: \\ too */
};

/* One escape at the backslash body[*i], written to out; *i goes past it.
 * Returns the bytes written, never more than the escape's: escapes give
 * bytes 0-255, held as the characters U+0000 to U+00FF ("\377" is 4
 * bytes, its UTF-8 2). */
static size_t
decode_escape(mif_parser *p, const char *body, size_t len, size_t *i,
    uint32_t pos, enum escape_doubt doubt, char *out)
{
	size_t at = *i;
	char c = body[at + 1];
	uint32_t cp;

	*i = at + 2;
	switch (c) {
	case 'a': cp = '\a'; break;
	case 'b': cp = '\b'; break;
	case 'f': cp = '\f'; break;
	case 'n': cp = '\n'; break;
	case 'r': cp = '\r'; break;
	case 't': cp = '\t'; break;
	case 'v': cp = '\v'; break;
	case '\'': case '?': cp = (uint32_t)c; break;
	case '\\':
		if (doubt == DOUBT_UNDOUBLED)
			warn_path_escape(p, body + at, 2, '\\', pos + (uint32_t)at);
		*out = c;
		return 1;
	case '"':
		*out = c;
		return 1;
	case 'x': {
		size_t k = at + 2, n = 0;
		cp = 0;
		for (; n < 2 && k < len && mif_hex_digit(body[k]) >= 0; n++, k++)
			cp = cp * 16 + (uint32_t)mif_hex_digit(body[k]);
		if (n == 0)
			return keep_backslash(p, body, len, at, i, pos, out);
		*i = k;
		break;
	}
	default:
		if (c < '0' || c > '7')
			return keep_backslash(p, body, len, at, i, pos, out);
		cp = octal_escape(p, body, len, at, i, pos);
		break;
	}
	if (doubt != DOUBT_NONE)
		warn_path_escape(p, body + at, *i - at, cp, pos + (uint32_t)at);
	return mif_utf8_put(out, cp);
}

const mif_string *
mif_lex_string(mif_parser *p, const char *body, size_t len, uint32_t pos)
{
	pos++; /* the opening quote */
	if (len > MIF_MAX_TOKEN) {
		mif_diag(p->doc, MIF_E_TOKEN_LONG, MIF_ERROR, pos - 1, MIF_NOPOS,
		    "string longer than %u bytes; cut there", MIF_MAX_TOKEN);
		len = mif_utf8_cut(body, MIF_MAX_TOKEN);
	}
	const char *nul = memchr(body, '\0', len);
	if (nul != NULL)
		mif_diag_rule(p->doc, MIF_RULE_STRING_NUL, MIF_ERROR,
		    pos + (uint32_t)(nul - body), MIF_NOPOS,
		    "NUL byte in a string");
	const char *bs = memchr(body, '\\', len);
	if (bs == NULL)
		return mif_intern(p->doc, body, len);
	if (!scratch_reserve(p, len + 1))
		return NULL;
	enum escape_doubt doubt = !looks_like_windows_path(body, len)
	    ? DOUBT_NONE : has_unknown_escape(body, len) ? DOUBT_UNDOUBLED
	    : DOUBT_PATH;
	size_t o = (size_t)(bs - body);
	memcpy(p->scratch, body, o);
	for (size_t i = o; i < len;) {
		if (body[i] != '\\' || i + 1 >= len)
			p->scratch[o++] = body[i++];
		else
			o += decode_escape(p, body, len, &i, pos, doubt,
			    p->scratch + o);
	}
	return mif_intern(p->doc, p->scratch, o);
}
