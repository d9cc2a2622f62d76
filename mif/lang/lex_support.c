/*
 * The scanner's helpers: what a word means, decoding integer literals,
 * and keeping comments (string literals: lex_string.c).  Called from
 * grammar/mif.l.
 */
#include <stdlib.h>
#include <string.h>

#include "lang/parse.h"
#include "mif.tab.h"

struct word_entry {
	const char *word; /* lower case */
	int tok;
	int value;
};

#define KW(kw) MIF_KWTOK(kw, 0)
#define PLAT(pl) MIF_KWTOK(MIF_KW_PLATFORM, pl)

/* Generated from the keyword list of mif(5): a switch on the length, then
 * memcmp, cheaper than a search on this hot path. */
static const struct word_entry *
find_word(const char *w, size_t len)
{
	static const struct word_entry words[] = {
		{ "id", KEYWORD, KW(MIF_KW_ID) },
		{ "dos", KEYWORD, PLAT(MIF_PLAT_DOS) },
		{ "end", END_BLOCK, 0 },
		{ "int", TYPEWORD, MIF_T_INT },
		{ "key", KEYWORD, KW(MIF_KW_KEY) },
		{ "os2", KEYWORD, PLAT(MIF_PLAT_OS2) },
		{ "date", TYPEWORD, MIF_T_DATE },
		{ "name", KEYWORD, KW(MIF_KW_NAME) },
		{ "type", KEYWORD, KW(MIF_KW_TYPE) },
		{ "unix", KEYWORD, PLAT(MIF_PLAT_UNIX) },
		{ "class", KEYWORD, KW(MIF_KW_CLASS) },
		{ "gauge", TYPEWORD, MIF_T_GAUGE },
		{ "int64", TYPEWORD, MIF_T_INT64 },
		{ "macos", KEYWORD, PLAT(MIF_PLAT_MACOS) },
		{ "start", START_BLOCK, 0 },
		{ "value", KEYWORD, KW(MIF_KW_VALUE) },
		{ "win16", KEYWORD, PLAT(MIF_PLAT_WIN16) },
		{ "win32", KEYWORD, PLAT(MIF_PLAT_WIN32) },
		{ "win9x", KEYWORD, PLAT(MIF_PLAT_WIN9X) },
		{ "winnt", KEYWORD, PLAT(MIF_PLAT_WINNT) },
		{ "access", KEYWORD, KW(MIF_KW_ACCESS) },
		{ "common", WORD, MIF_W_COMMON },
		{ "pragma", KEYWORD, KW(MIF_KW_PRAGMA) },
		{ "string", TYPEWORD, MIF_T_STRING },
		{ "counter", TYPEWORD, MIF_T_COUNTER },
		{ "integer", TYPEWORD, MIF_T_INTEGER },
		{ "storage", KEYWORD, KW(MIF_KW_STORAGE) },
		{ "unknown", WORD, MIF_W_UNKNOWN },
		{ "language", KEYWORD, KW(MIF_KW_LANGUAGE) },
		{ "specific", WORD, MIF_W_SPECIFIC },
		{ "counter64", TYPEWORD, MIF_T_COUNTER64 },
		{ "integer64", TYPEWORD, MIF_T_INTEGER64 },
		{ "read-only", WORD, MIF_W_READ_ONLY },
		{ "read-write", WORD, MIF_W_READ_WRITE },
		{ "write-only", WORD, MIF_W_WRITE_ONLY },
		{ "description", KEYWORD, KW(MIF_KW_DESCRIPTION) },
		{ "octetstring", TYPEWORD, MIF_T_OCTETSTRING },
		{ "unsupported", WORD, MIF_W_UNSUPPORTED },
		{ "displaystring", TYPEWORD, MIF_T_DISPLAYSTRING },
		{ "direct-interface", WORD, MIF_W_DIRECT },
	};
	switch (len) {
	case 2:
		if (memcmp(w, "id", 2) == 0) return &words[0];
		break;
	case 3:
		if (memcmp(w, "dos", 3) == 0) return &words[1];
		if (memcmp(w, "end", 3) == 0) return &words[2];
		if (memcmp(w, "int", 3) == 0) return &words[3];
		if (memcmp(w, "key", 3) == 0) return &words[4];
		if (memcmp(w, "os2", 3) == 0) return &words[5];
		break;
	case 4:
		if (memcmp(w, "date", 4) == 0) return &words[6];
		if (memcmp(w, "name", 4) == 0) return &words[7];
		if (memcmp(w, "type", 4) == 0) return &words[8];
		if (memcmp(w, "unix", 4) == 0) return &words[9];
		break;
	case 5:
		if (memcmp(w, "class", 5) == 0) return &words[10];
		if (memcmp(w, "gauge", 5) == 0) return &words[11];
		if (memcmp(w, "int64", 5) == 0) return &words[12];
		if (memcmp(w, "macos", 5) == 0) return &words[13];
		if (memcmp(w, "start", 5) == 0) return &words[14];
		if (memcmp(w, "value", 5) == 0) return &words[15];
		if (memcmp(w, "win16", 5) == 0) return &words[16];
		if (memcmp(w, "win32", 5) == 0) return &words[17];
		if (memcmp(w, "win9x", 5) == 0) return &words[18];
		if (memcmp(w, "winnt", 5) == 0) return &words[19];
		break;
	case 6:
		if (memcmp(w, "access", 6) == 0) return &words[20];
		if (memcmp(w, "common", 6) == 0) return &words[21];
		if (memcmp(w, "pragma", 6) == 0) return &words[22];
		if (memcmp(w, "string", 6) == 0) return &words[23];
		break;
	case 7:
		if (memcmp(w, "counter", 7) == 0) return &words[24];
		if (memcmp(w, "integer", 7) == 0) return &words[25];
		if (memcmp(w, "storage", 7) == 0) return &words[26];
		if (memcmp(w, "unknown", 7) == 0) return &words[27];
		break;
	case 8:
		if (memcmp(w, "language", 8) == 0) return &words[28];
		if (memcmp(w, "specific", 8) == 0) return &words[29];
		break;
	case 9:
		if (memcmp(w, "counter64", 9) == 0) return &words[30];
		if (memcmp(w, "integer64", 9) == 0) return &words[31];
		if (memcmp(w, "read-only", 9) == 0) return &words[32];
		break;
	case 10:
		if (memcmp(w, "read-write", 10) == 0) return &words[33];
		if (memcmp(w, "write-only", 10) == 0) return &words[34];
		break;
	case 11:
		if (memcmp(w, "description", 11) == 0) return &words[35];
		if (memcmp(w, "octetstring", 11) == 0) return &words[36];
		if (memcmp(w, "unsupported", 11) == 0) return &words[37];
		break;
	case 13:
		if (memcmp(w, "displaystring", 13) == 0) return &words[38];
		break;
	case 16:
		if (memcmp(w, "direct-interface", 16) == 0) return &words[39];
		break;
	default:
		break;
	}
	return NULL;
}

/* Sorted by word for bsearch. */
static const struct word_entry block_words[] = {
	{ "attribute", 0, MIF_ATTRIBUTE },
	{ "component", 0, MIF_COMPONENT },
	{ "enum", 0, MIF_ENUM },
	{ "group", 0, MIF_GROUP },
	{ "path", 0, MIF_PATH },
	{ "paths", 0, MIF_PATH },
	{ "table", 0, MIF_TABLE },
};

static int
cmp_word(const void *key, const void *elem)
{
	return strcmp(key, ((const struct word_entry *)elem)->word);
}

/* Lower-case the word into buf; false if it is longer than any keyword. */
static bool
fold(const char *text, size_t len, char *buf, size_t cap)
{
	if (len >= cap)
		return false;
	for (size_t i = 0; i < len; i++) {
		char c = text[i];
		buf[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
	}
	buf[len] = '\0';
	return true;
}

int
mif_lex_word(const char *text, size_t len, int *value)
{
	char buf[24];
	const struct word_entry *w = NULL;

	if (fold(text, len, buf, sizeof buf))
		w = find_word(buf, len);
	if (w == NULL)
		return LEXERROR;
	*value = w->value;
	return w->tok;
}

int
mif_lex_block_word(const char *text, size_t len)
{
	char buf[16];
	const struct word_entry *w = NULL;

	if (fold(text, len, buf, sizeof buf))
		w = bsearch(buf, block_words, sizeof block_words / sizeof block_words[0],
		    sizeof block_words[0], cmp_word);
	return w != NULL ? w->value : -1;
}

mif_number
mif_lex_number(mif_parser *p, const char *text, size_t len, uint32_t pos)
{
	mif_number n = { 0, MIF_RADIX_DEC };
	size_t i = 0;
	unsigned base = 10;

	if (text[0] == '-') {
		n.flags |= MIF_NEGATIVE;
		i = 1;
	}
	if (len - i >= 2 && text[i] == '0' && (text[i + 1] == 'x' || text[i + 1] == 'X')) {
		base = 16;
		n.flags |= MIF_RADIX_HEX;
		i += 2;
		if (i == len) {
			mif_diag(p->doc, MIF_E_NUMBER, MIF_ERROR, pos, MIF_NOPOS,
			    "invalid hexadecimal number \"%.*s\"", (int)len, text);
			return n;
		}
	} else if (len - i > 1 && text[i] == '0') {
		base = 8;
		n.flags |= MIF_RADIX_OCT;
		i += 1;
	}
	for (; i < len; i++) {
		int d = mif_hex_digit(text[i]);
		if (d < 0 || (unsigned)d >= base) {
			mif_diag(p->doc, MIF_E_NUMBER, MIF_ERROR, pos, MIF_NOPOS,
			    "invalid %s number \"%.*s\"", base == 16 ? "hexadecimal" :
			    base == 8 ? "octal" : "decimal", len > 40 ? 40 : (int)len, text);
			n.mag = 0;
			return n;
		}
		if (n.mag > (UINT64_MAX - (unsigned)d) / base) {
			mif_diag(p->doc, MIF_E_NUMBER, MIF_ERROR, pos, MIF_NOPOS,
			    "number \"%.*s\" does not fit in 64 bits",
			    len > 40 ? 40 : (int)len, text);
			n.mag = 0;
			return n;
		}
		n.mag = n.mag * base + (unsigned)d;
	}
	if ((n.flags & MIF_NEGATIVE) && n.mag > (uint64_t)INT64_MAX + 1) {
		mif_diag(p->doc, MIF_E_NUMBER, MIF_ERROR, pos, MIF_NOPOS,
		    "number \"%.*s\" does not fit in 64 bits",
		    len > 40 ? 40 : (int)len, text);
		n.mag = 0;
	}
	if (n.mag == 0)
		n.flags &= (uint8_t)~MIF_NEGATIVE; /* -0 is 0 */
	return n;
}

void
mif_lex_comment(mif_parser *p, const char *text, size_t len, uint32_t pos)
{
	mif_doc *doc = p->doc;

	/* a line's \r is no part of it (past the bytes held, the comment
	 * is over the limit either way) */
	if (len > 0 && len <= MIF_MAX_TOKEN + 1 && text[len - 1] == '\r')
		len--;
	if (len > MIF_MAX_TOKEN) {
		mif_diag(doc, MIF_E_TOKEN_LONG, MIF_ERROR, pos, MIF_NOPOS,
		    "comment longer than %u bytes; cut there", MIF_MAX_TOKEN);
		len = mif_utf8_cut(text, MIF_MAX_TOKEN);
	}
	const mif_string *s = mif_intern(doc, text, len);
	if (s == NULL || !mif_vec_reserve((void **)&doc->comments,
	    &doc->comments_cap, doc->ncomments, sizeof *doc->comments)) {
		p->fatal = true;
		return;
	}
	/* same_line: a token came before it on its line */
	bool same = !p->newline_seen;
	doc->comments[doc->ncomments++] = (mif_comment){ pos, same, s };
	p->newline_seen = true; /* the comment ends its line */
}

void
mif_lex_unknown_word(mif_parser *p, const char *text, size_t len,
    uint32_t pos)
{
	mif_diag(p->doc, MIF_E_KEYWORD, MIF_ERROR, pos, MIF_NOPOS,
	    "unknown keyword \"%.*s\"", len > 64 ? 64 : (int)len, text);
}

void
mif_lex_bad_char(mif_parser *p, const char *text, size_t len, uint32_t pos)
{
	unsigned char c = (unsigned char)text[0];

	if (c >= 0x80 && len > 1)
		mif_diag(p->doc, MIF_E_CHAR, MIF_ERROR, pos, MIF_NOPOS,
		    "unexpected character \"%.*s\"", (int)len, text);
	else if (c < 0x20 || c == 0x7F || c >= 0x80)
		mif_diag(p->doc, MIF_E_CHAR, MIF_ERROR, pos, MIF_NOPOS,
		    "unexpected character 0x%02X", c);
	else
		mif_diag(p->doc, MIF_E_CHAR, MIF_ERROR, pos, MIF_NOPOS,
		    "unexpected character \"%c\"", c);
}
