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
	uint8_t len;
	int tok;
	int value;
};

#define KW(kw) MIF_KWTOK(kw, 0)
#define PLAT(pl) MIF_KWTOK(MIF_KW_PLATFORM, pl)

/* One entry of a table of words: the word in lower case, with its length. */
#define ENTRY(slot, w, t, v) [slot] = { w, sizeof w - 1, t, v }

/* n (4 or 8) bytes at p as a little-endian number. */
static uint64_t
load_le(const char *p, size_t n)
{
	uint64_t w = 0;

	memcpy(&w, p, n);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	w = __builtin_bswap64(w) >> (64 - 8 * n);
#endif
	return w;
}

/*
 * The len (1 to 16) bytes of a word as two numbers, in a few loads and
 * no loop over its bytes: *lo its first eight bytes (zero after its end),
 * *hi its last eight when it is longer (0 otherwise).  Overlapping loads
 * give the same byte twice, which OR keeps as it is.
 */
static void
load_word(const char *w, size_t len, uint64_t *lo, uint64_t *hi)
{
	if (len >= 8) {
		*lo = load_le(w, 8);
		*hi = len > 8 ? load_le(w + len - 8, 8) : 0;
	} else if (len >= 4) {
		*lo = load_le(w, 4) | load_le(w + len - 4, 4) << (8 * (len - 4));
		*hi = 0;
	} else {
		*lo = (uint64_t)(unsigned char)w[0] |
		    (uint64_t)(unsigned char)w[len / 2] << (8 * (len / 2)) |
		    (uint64_t)(unsigned char)w[len - 1] << (8 * (len - 1));
		*hi = 0;
	}
}

/*
 * The entry of table (1 << bits slots) that a word may be, by a perfect
 * hash of its first eight bytes and its length: the multiplier was
 * searched for (a few lines of a script over the words of mif(5)) so
 * that no two words share a slot; NULL when the word is none of them.
 * The word alphabet [A-Za-z0-9_-] folds exactly by setting the case bit
 * of every byte: only letters change, and no other word character
 * becomes a keyword's.
 */
static const struct word_entry *
look_up(const struct word_entry *table, uint64_t multiplier, unsigned bits,
    const char *text, size_t len)
{
	const uint64_t case_bits = 0x2020202020202020u;
	uint64_t lo, hi, want_lo, want_hi;

	if (len == 0 || len > 16)
		return NULL;
	load_word(text, len, &lo, &hi);
	lo |= len >= 8 ? case_bits : case_bits >> (8 * (8 - len));
	hi |= len > 8 ? case_bits : 0;
	const struct word_entry *e = &table[((lo + len) * multiplier) >>
	    (64 - bits)];
	if (e->word == NULL || e->len != len)
		return NULL;
	load_word(e->word, len, &want_lo, &want_hi);
	return lo == want_lo && hi == want_hi ? e : NULL;
}

/* The keywords, type names and value words of mif(5). */
static const struct word_entry words[128] = {
	ENTRY(2, "storage", KEYWORD, KW(MIF_KW_STORAGE)),
	ENTRY(8, "displaystring", TYPEWORD, MIF_T_DISPLAYSTRING),
	ENTRY(9, "unsupported", WORD, MIF_W_UNSUPPORTED),
	ENTRY(10, "macos", KEYWORD, PLAT(MIF_PLAT_MACOS)),
	ENTRY(12, "integer", TYPEWORD, MIF_T_INTEGER),
	ENTRY(13, "octetstring", TYPEWORD, MIF_T_OCTETSTRING),
	ENTRY(16, "id", KEYWORD, KW(MIF_KW_ID)),
	ENTRY(17, "specific", WORD, MIF_W_SPECIFIC),
	ENTRY(18, "unknown", WORD, MIF_W_UNKNOWN),
	ENTRY(24, "end", END_BLOCK, 0),
	ENTRY(27, "string", TYPEWORD, MIF_T_STRING),
	ENTRY(34, "gauge", TYPEWORD, MIF_T_GAUGE),
	ENTRY(36, "read-only", WORD, MIF_W_READ_ONLY),
	ENTRY(37, "language", KEYWORD, KW(MIF_KW_LANGUAGE)),
	ENTRY(39, "counter", TYPEWORD, MIF_T_COUNTER),
	ENTRY(44, "win16", KEYWORD, PLAT(MIF_PLAT_WIN16)),
	ENTRY(46, "start", START_BLOCK, 0),
	ENTRY(49, "dos", KEYWORD, PLAT(MIF_PLAT_DOS)),
	ENTRY(55, "type", KEYWORD, KW(MIF_KW_TYPE)),
	ENTRY(57, "class", KEYWORD, KW(MIF_KW_CLASS)),
	ENTRY(58, "write-only", WORD, MIF_W_WRITE_ONLY),
	ENTRY(62, "unix", KEYWORD, PLAT(MIF_PLAT_UNIX)),
	ENTRY(73, "winnt", KEYWORD, PLAT(MIF_PLAT_WINNT)),
	ENTRY(75, "win32", KEYWORD, PLAT(MIF_PLAT_WIN32)),
	ENTRY(76, "int64", TYPEWORD, MIF_T_INT64),
	ENTRY(82, "key", KEYWORD, KW(MIF_KW_KEY)),
	ENTRY(88, "direct-interface", WORD, MIF_W_DIRECT),
	ENTRY(89, "value", KEYWORD, KW(MIF_KW_VALUE)),
	ENTRY(92, "integer64", TYPEWORD, MIF_T_INTEGER64),
	ENTRY(97, "description", KEYWORD, KW(MIF_KW_DESCRIPTION)),
	ENTRY(101, "date", TYPEWORD, MIF_T_DATE),
	ENTRY(106, "common", WORD, MIF_W_COMMON),
	ENTRY(109, "win9x", KEYWORD, PLAT(MIF_PLAT_WIN9X)),
	ENTRY(112, "access", KEYWORD, KW(MIF_KW_ACCESS)),
	ENTRY(114, "int", TYPEWORD, MIF_T_INT),
	ENTRY(115, "name", KEYWORD, KW(MIF_KW_NAME)),
	ENTRY(119, "counter64", TYPEWORD, MIF_T_COUNTER64),
	ENTRY(123, "os2", KEYWORD, PLAT(MIF_PLAT_OS2)),
	ENTRY(126, "read-write", WORD, MIF_W_READ_WRITE),
	ENTRY(127, "pragma", KEYWORD, KW(MIF_KW_PRAGMA)),
};

/* The words after START and END. */
static const struct word_entry block_words[8] = {
	ENTRY(1, "enum", 0, MIF_ENUM),
	ENTRY(2, "group", 0, MIF_GROUP),
	ENTRY(3, "path", 0, MIF_PATH),
	ENTRY(4, "paths", 0, MIF_PATH),
	ENTRY(5, "component", 0, MIF_COMPONENT),
	ENTRY(6, "attribute", 0, MIF_ATTRIBUTE),
	ENTRY(7, "table", 0, MIF_TABLE),
};

int
mif_lex_word(const char *text, size_t len, int *value)
{
	const struct word_entry *w = look_up(words, 0xed6b0272218fddu, 7,
	    text, len);

	if (w == NULL)
		return LEXERROR;
	*value = w->value;
	return w->tok;
}

int
mif_lex_block_word(const char *text, size_t len)
{
	const struct word_entry *w = look_up(block_words, 0xf2a74de452e6b439u, 3,
	    text, len);

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
