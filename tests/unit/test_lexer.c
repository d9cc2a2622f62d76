/* The scanner: words, numbers, strings and escapes, comments, encodings. */
#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <cmocka.h>

#include "diag_text.h"

/* The VALUE statement of the one attribute of a one-group component. */
static const mif_stmt *
value_of(const mif_doc *doc)
{
	const mif_block *c = mif_doc_component(doc);
	assert_non_null(c);
	const mif_block *g = c->u.children;
	assert_non_null(g);
	const mif_block *a = g->u.children;
	assert_non_null(a);
	return mif_block_stmt(a, MIF_KW_VALUE);
}

static mif_doc *
with_value(const char *value)
{
	char text[512];
	snprintf(text, sizeof text,
	    "START COMPONENT NAME = \"c\"\n"
	    "START GROUP NAME = \"g\" ID = 2 CLASS = \"a|b|1\"\n"
	    "START ATTRIBUTE NAME = \"a\" ID = 1 TYPE = INTEGER64\n"
	    "VALUE = %s\nEND ATTRIBUTE END GROUP END COMPONENT\n", value);
	return parse_text(text);
}

static void
test_keywords_any_case(void **state)
{
	(void)state;
	mif_doc *doc = parse_text("sTaRt CoMpOnEnT name = \"x\" Start Paths "
	    "Name = \"p\" Os2 = \"d\" wIn32 = direct-interface eND paths End component");
	char buf[512];
	assert_string_equal(diag_text(doc, buf, sizeof buf), "");
	const mif_block *p = mif_doc_component(doc)->u.children;
	assert_int_equal(p->kind, MIF_PATH);
	assert_int_equal(p->nstmts, 3);
	assert_int_equal(p->stmts[1].kw, MIF_KW_PLATFORM);
	assert_int_equal(p->stmts[1].sub, MIF_PLAT_OS2);
	assert_int_equal(p->stmts[2].sub, MIF_PLAT_WIN32);
	assert_int_equal(p->stmts[2].form, MIF_F_DIRECT);
	mif_doc_free(doc);
}

/* w in alternating case, into buf */
static void
mixed_case(const char *w, char *buf)
{
	size_t i = 0;

	for (; w[i] != '\0'; i++) {
		char c = w[i];
		if (i % 2 == 1 && c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		buf[i] = c;
	}
	buf[i] = '\0';
}

/* Whether word stands where a statement starts without being an unknown
 * keyword. */
static bool
known_word(const char *word)
{
	char text[256], buf[4096];
	snprintf(text, sizeof text, "START COMPONENT\n%s = 1\nEND COMPONENT\n",
	    word);
	mif_doc *doc = parse_text(text);
	bool known = strstr(diag_text(doc, buf, sizeof buf),
	    "unknown keyword") == NULL;
	mif_doc_free(doc);
	return known;
}

/* Every word of mif(5) is known in any case, and words near one (one
 * character more, less or other, "_" for "-") are not. */
static void
test_every_word_and_its_neighbours(void **state)
{
	(void)state;
	static const char *const values[] = { "READ-ONLY", "READ-WRITE",
	    "WRITE-ONLY", "COMMON", "SPECIFIC", "UNKNOWN", "UNSUPPORTED",
	    "DIRECT-INTERFACE", "START", "END" };
	const char *all[64];
	size_t n = 0;
	for (int k = 0; k < MIF_KW_PLATFORM; k++)
		all[n++] = mif_keyword_name((mif_keyword)k);
	for (int pl = 0; pl < MIF_PLAT_COUNT; pl++)
		all[n++] = mif_platform_name((mif_platform)pl);
	for (int t = 0; t <= MIF_T_DATE; t++)
		all[n++] = mif_type_name((mif_type_kind)t);
	for (size_t v = 0; v < sizeof values / sizeof *values; v++)
		all[n++] = values[v];
	for (size_t i = 0; i < n; i++) {
		char word[64], near[72];
		size_t len = strlen(all[i]);
		assert_true(known_word(all[i]));
		mixed_case(all[i], word);
		assert_true(known_word(word));
		snprintf(near, sizeof near, "%sX", word);
		assert_false(known_word(near));
		if (len > 1) {
			snprintf(near, sizeof near, "%.*s", (int)len - 1, word);
			bool also_a_word = false;
			for (size_t j = 0; j < n; j++)
				also_a_word |= strcasecmp(near, all[j]) == 0;
			assert_true(known_word(near) == also_a_word);
		}
		snprintf(near, sizeof near, "%s", word);
		near[len - 1] = near[len - 1] == 'Q' ? 'R' : 'Q';
		assert_false(known_word(near));
		char *dash = strchr(word, '-');
		if (dash != NULL) {
			*dash = '_';
			assert_false(known_word(word));
		}
	}
}

static void
check_number(const char *lit, uint64_t mag, unsigned flags)
{
	mif_doc *doc = with_value(lit);
	char buf[512];
	assert_string_equal(diag_text(doc, buf, sizeof buf), "");
	const mif_stmt *v = value_of(doc);
	assert_int_equal(v->form, MIF_F_INTEGER);
	assert_true(v->v.u == mag);
	assert_int_equal(v->flags, flags);
	mif_doc_free(doc);
}

static void
test_numbers(void **state)
{
	(void)state;
	check_number("123", 123, MIF_RADIX_DEC);
	check_number("0", 0, MIF_RADIX_DEC);
	check_number("0173", 123, MIF_RADIX_OCT);
	check_number("0x7B", 123, MIF_RADIX_HEX);
	check_number("0X7b", 123, MIF_RADIX_HEX);
	check_number("-5", 5, MIF_RADIX_DEC | MIF_NEGATIVE);
	check_number("-0", 0, MIF_RADIX_DEC);
	check_number("18446744073709551615", UINT64_MAX, MIF_RADIX_DEC);
	check_number("-9223372036854775808", (uint64_t)INT64_MAX + 1,
	    MIF_RADIX_DEC | MIF_NEGATIVE);
}

static void
check_bad(const char *value, const char *want)
{
	mif_doc *doc = with_value(value);
	char buf[512];
	assert_string_equal(diag_text(doc, buf, sizeof buf), want);
	mif_doc_free(doc);
}

static void
test_bad_numbers(void **state)
{
	(void)state;
	check_bad("18446744073709551616",
	    "4:9: error: number \"18446744073709551616\" does not fit in 64 bits\n");
	check_bad("-9223372036854775809",
	    "4:9: error: number \"-9223372036854775809\" does not fit in 64 bits\n");
	check_bad("089", "4:9: error: invalid octal number \"089\"\n");
	check_bad("0x1G", "4:9: error: invalid hexadecimal number \"0x1G\"\n");
	check_bad("12ab", "4:9: error: invalid decimal number \"12ab\"\n");
	check_bad("0x", "4:9: error: invalid hexadecimal number \"0x\"\n");
}

static void
check_string(const char *lit, const char *want, size_t wantlen, const char *diags)
{
	mif_doc *doc = with_value(lit);
	char buf[512];
	assert_string_equal(diag_text(doc, buf, sizeof buf), diags);
	const mif_stmt *v = value_of(doc);
	assert_non_null(v);
	assert_int_equal(v->form, MIF_F_STRING);
	assert_int_equal(v->v.str->len, wantlen);
	assert_memory_equal(v->v.str->bytes, want, wantlen);
	mif_doc_free(doc);
}

static void
test_strings_and_escapes(void **state)
{
	(void)state;
	check_string("\"plain\"", "plain", 5, "");
	check_string("\"\"", "", 0, "");
	check_string("\"a\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\\'\\?z\"",
	    "a\a\b\f\n\r\t\v\\\"'?z", 13, "");
	check_string("\"\\101\\x42\\0\\7\"", "AB\0\a", 4, "");
	/* escapes give bytes 0-255 as the characters U+0000 to U+00FF */
	check_string("\"\\377\\xe9\"", "\xc3\xbf\xc3\xa9", 4, "");
	check_string("\"a\" \"b\" // between\n \"c\"", "abc", 3, "");
	/* a backslash that starts no escape is kept */
	check_string("\"\\q\"", "\\q", 2,
	    "4:10: warning: unknown escape \\q; read as a backslash and \"q\"\n");
	check_string("\"\\xg\"", "\\xg", 3,
	    "4:10: warning: unknown escape \\x; read as a backslash and \"x\"\n");
	check_string("\"\\\xe9\"", "\\\xc3\xa9", 3,
	    "4:10: warning: unknown escape \\\xc3\xa9; read as a backslash and "
	    "\"\xc3\xa9\"\n");
	check_string("\"\\400\"", " 0", 2,
	    "4:10: warning: octal escape over \\377; read as \\40 then \"0\"\n");
}

/* Escapes in what looks like a Windows path are read as escapes, and
 * said out loud; elsewhere they are not. */
#define TAB_IN_PATH(place) place ": warning: escape \\t in what looks like " \
	"a Windows path; read as a tab (0x09), not a backslash and \"t\"\n"

static void
test_windows_path_escapes(void **state)
{
	(void)state;
	check_string("\"C:\\Program Files\\new\"", "C:\\Program Files\n" "ew", 19,
	    "4:12: warning: unknown escape \\P; read as a backslash and \"P\"\n"
	    "4:26: warning: escape \\n in what looks like a Windows path; "
	    "read as a line feed (0x0A), not a backslash and \"n\"\n");
	/* a drive at the start, after a blank, never inside a word */
	check_string("\"x C:\\temp\"", "x C:\temp", 8, TAB_IN_PATH("4:14"));
	check_string("\"AC:\\temp\"", "AC:\temp", 7, "");
	check_string("\"%WINDIR%\\temp\"", "%WINDIR%\temp", 12,
	    TAB_IN_PATH("4:18"));
	check_string("\"100%\\temp\"", "100%\temp", 8, "");
	check_string("\"%\\temp\"", "%\temp", 5, "");
	/* doubled backslashes say what they mean */
	check_string("\"C:\\\\new\"", "C:\\new", 6, "");
	/* among single ones, a doubled one was meant as two */
	check_string("\"\\\\srv\\pkg\"", "\\srv\\pkg", 8,
	    "4:10: warning: escape \\\\ in what looks like a Windows path, "
	    "among single backslashes; read as one backslash, not two\n"
	    "4:15: warning: unknown escape \\p; read as a backslash and \"p\"\n");
	check_string("\"\\\\srv\\\\pkg\"", "\\srv\\pkg", 8, "");
	check_string("\"D:\\101\"", "D:A", 3,
	    "4:12: warning: escape \\101 in what looks like a Windows path; "
	    "read as \"A\", not a backslash and \"101\"\n");
	check_string("\"D:\\x7f\"", "D:\x7f", 3,
	    "4:12: warning: escape \\x7f in what looks like a Windows path; "
	    "read as the character 0x7F, not a backslash and \"x7f\"\n");
}

static void
test_unterminated_string(void **state)
{
	(void)state;
	mif_doc *doc = parse_text("START COMPONENT NAME = \"abc\nEND COMPONENT\n");
	char buf[512];
	assert_string_equal(diag_text(doc, buf, sizeof buf),
	    "1:24: error: string not closed before the end of the line\n");
	assert_string_equal(mif_block_string(mif_doc_component(doc),
	    MIF_KW_NAME)->bytes, "abc");
	mif_doc_free(doc);
}

static void
test_bad_characters_and_words(void **state)
{
	(void)state;
	mif_doc *doc = parse_text("START COMPONENT\n  NAME = \"c\" @\n"
	    "  COLOUR = \"red\"\n  \xc3\xa9\nEND COMPONENT\n");
	char buf[512];
	/* a UTF-8 character outside a string: read as ISO 8859-1 it is two,
	 * and the file's being UTF-8 is doubted first */
	assert_string_equal(diag_text(doc, buf, sizeof buf),
	    "4:3: warning: no byte-order mark, so read as ISO 8859-1, but the "
	    "file is valid UTF-8 (\"\xc3\xa9\" is read as \"\xc3\x83\xc2\xa9\"); "
	    "say --input-encoding utf-8 if it is UTF-8\n"
	    "2:14: error: unexpected character \"@\"\n"
	    "3:3: error: unknown keyword \"COLOUR\"\n"
	    "4:3: error: unexpected character \"\xc3\x83\"\n"
	    "4:4: error: unexpected character \"\xc2\xa9\"\n");
	mif_doc_free(doc);
}

static void
test_comments(void **state)
{
	(void)state;
	mif_doc *doc = parse_text("//Architecture<Widget>\r\n"
	    "START COMPONENT // after\r\n  NAME = \"c\"\r\n// own line\r\n"
	    "END COMPONENT\r\n// last");
	size_t n;
	const mif_comment *c = mif_doc_comments(doc, &n);
	assert_int_equal(n, 4);
	assert_string_equal(c[0].text->bytes, "Architecture<Widget>");
	assert_false(c[0].same_line);
	assert_string_equal(c[1].text->bytes, " after");
	assert_true(c[1].same_line);
	assert_string_equal(c[2].text->bytes, " own line");
	assert_false(c[2].same_line);
	assert_string_equal(c[3].text->bytes, " last");
	assert_int_equal(mif_doc_newline(doc), MIF_NL_CRLF);
	/* 24 + 27 + 13 bytes precede it */
	assert_int_equal(c[2].pos, 64);
	mif_doc_free(doc);
}

/* Long tokens are read in pieces of 16 bytes (grammar/mif.l): what
 * crosses a piece's end must read as it would whole. */

/* Parse text; its diagnostics must be want. */
static void
check_diags(const char *text, const char *want)
{
	char buf[512];
	mif_doc *doc = parse_text(text);
	assert_string_equal(diag_text(doc, buf, sizeof buf), want);
	mif_doc_free(doc);
}

/* c repeated n times between head and tail; free() it. */
static char *
repeat(char c, size_t n, const char *head, const char *tail)
{
	size_t h = strlen(head), t = strlen(tail);
	char *s = malloc(h + n + t + 1);
	assert_non_null(s);
	memcpy(s, head, h);
	memset(s + h, c, n);
	memcpy(s + h + n, tail, t + 1);
	return s;
}

static void
test_long_strings(void **state)
{
	(void)state;
	/* escapes across the ends of pieces */
	check_string("\"0123456789abcde\\tf0123456789abcd\\\"0123456789abcdef\\101\"",
	    "0123456789abcde\tf0123456789abcd\"0123456789abcdefA", 49, "");
	check_string("\"C:\\Program Files\\Contoso\\new\"",
	    "C:\\Program Files\\Contoso\new", 27,
	    "4:12: warning: unknown escape \\P; read as a backslash and \"P\"\n"
	    "4:26: warning: unknown escape \\C; read as a backslash and \"C\"\n"
	    "4:34: warning: escape \\n in what looks like a Windows path; "
	    "read as a line feed (0x0A), not a backslash and \"n\"\n");

	char buf[512];
	mif_doc *doc = parse_text("START COMPONENT NAME = "
	    "\"0123456789abcdef0123\\\nEND COMPONENT\n");
	assert_string_equal(diag_text(doc, buf, sizeof buf),
	    "1:24: error: string not closed before the end of the line\n");
	assert_string_equal(mif_block_string(mif_doc_component(doc),
	    MIF_KW_NAME)->bytes, "0123456789abcdef0123\\");
	mif_doc_free(doc);

	check_diags("START COMPONENT NAME = \"0123456789abcdef0123",
	    "1:24: error: string not closed before the end of the line\n"
	    "1:45: error: end of file while component "
	    "\"0123456789abcdef0123\" (line 1) is still open\n");

	/* over the limit: cut before the character that crosses it */
	char *text = repeat('x', MIF_MAX_TOKEN - 1,
	    "\xef\xbb\xbfSTART COMPONENT NAME = \"", "\xc3\xa9x\" END COMPONENT");
	doc = parse_text(text);
	assert_string_equal(diag_text(doc, buf, sizeof buf),
	    "1:24: error: string longer than 65535 bytes; cut there\n");
	const mif_string *name = mif_block_string(mif_doc_component(doc),
	    MIF_KW_NAME);
	assert_int_equal(name->len, MIF_MAX_TOKEN - 1);
	assert_int_equal(name->bytes[name->len - 1], 'x');
	mif_doc_free(doc);
	free(text);
}

/* The body of a long string or comment is read on through the scanner's
 * buffer at once (run_on() in grammar/mif.l): bodies that cross the
 * buffer's refills, with escapes and raw NUL bytes here and there, read
 * as they would a piece at a time. */
static void
test_long_bodies_across_refills(void **state)
{
	enum { N = 40000 };
	static const char head[] = "START COMPONENT NAME = \"c\"\n"
	    "START GROUP NAME = \"g\" ID = 2 CLASS = \"a|b|1\"\n"
	    "START ATTRIBUTE NAME = \"a\" ID = 1 TYPE = STRING(65535)\nVALUE = \"";
	char *text = malloc(sizeof head + 2 * N + 200), *want = malloc(N + 1);
	char diags[512] = "", buf[512];
	size_t t = sizeof head - 1, w = 0, d = 0;

	(void)state;
	assert_non_null(text);
	assert_non_null(want);
	memcpy(text, head, t);
	size_t line_start = t - 9; /* "VALUE = \"" starts line 4 */
	for (size_t i = 0; i < N; i++) {
		if (i % 997 == 5) {
			text[t++] = '\\';
			text[t++] = 't';
			want[w++] = '\t';
		} else if (i == 16 || i == 17 || i == 20000) {
			/* the string's first NUL is said */
			if (d == 0)
				d += (size_t)snprintf(diags, sizeof diags,
				    "4:%zu: error: NUL byte in a string\n",
				    t - line_start + 1);
			text[t++] = '\0';
			want[w++] = '\0';
		} else {
			text[t++] = (char)('a' + i % 26);
			want[w++] = (char)('a' + i % 26);
		}
	}
	/* then a long comment holding a NUL, its own line */
	t += (size_t)snprintf(text + t, 64, "\"\nEND ATTRIBUTE END GROUP\n//");
	size_t comment = t;
	for (size_t i = 0; i < N; i++)
		text[t++] = i == 30000 ? '\0' : (char)('A' + i % 26);
	t += (size_t)snprintf(text + t, 64, "\nEND COMPONENT\n");

	mif_doc *doc = mif_parse_buffer(text, t, NULL, NULL);
	assert_non_null(doc);
	assert_string_equal(diag_text(doc, buf, sizeof buf), diags);
	const mif_stmt *v = value_of(doc);
	assert_int_equal(v->v.str->len, w);
	assert_memory_equal(v->v.str->bytes, want, w);
	size_t n;
	const mif_comment *c = mif_doc_comments(doc, &n);
	assert_int_equal(n, 1);
	assert_int_equal(c[0].text->len, N);
	assert_memory_equal(c[0].text->bytes, text + comment, N);
	mif_doc_free(doc);
	free(text);
	free(want);
}

static void
test_long_comments(void **state)
{
	(void)state;
	char buf[512];
	size_t n;
	mif_doc *doc = parse_text("START COMPONENT NAME = \"c\" "
	    "// 0123456789abcdef0123456789abcdef\r\nEND COMPONENT\r\n");
	assert_string_equal(diag_text(doc, buf, sizeof buf), "");
	const mif_comment *c = mif_doc_comments(doc, &n);
	assert_int_equal(n, 1);
	assert_string_equal(c[0].text->bytes, " 0123456789abcdef0123456789abcdef");
	assert_true(c[0].same_line);
	mif_doc_free(doc);

	/* after START, the block word still comes after the comment */
	doc = parse_text("START // 0123456789abcdef0123456789abcdef\n"
	    "COMPONENT NAME = \"c\" END COMPONENT");
	assert_string_equal(diag_text(doc, buf, sizeof buf), "");
	assert_int_equal(mif_doc_comments(doc, &n)[0].text->len, 33);
	mif_doc_free(doc);
	check_diags("START COMPONENT NAME = \"c\" END COMPONENT "
	    "START // 0123456789abcdef0123456789abcdef",
	    "1:42: error: START at the end of the file\n");
	doc = parse_text("START COMPONENT NAME = \"c\" END COMPONENT "
	    "// 0123456789abcdef0123456789abcdef");
	assert_string_equal(diag_text(doc, buf, sizeof buf), "");
	assert_int_equal(mif_doc_comments(doc, &n)[0].text->len, 33);
	mif_doc_free(doc);

	/* at the limit, the \r of CRLF not counted; over it, cut */
	for (size_t len = MIF_MAX_TOKEN; len <= MIF_MAX_TOKEN + 1; len++) {
		char *text = repeat('x', len, "START COMPONENT NAME = \"c\" //",
		    "\r\nEND COMPONENT\r\n");
		doc = parse_text(text);
		assert_string_equal(diag_text(doc, buf, sizeof buf),
		    len == MIF_MAX_TOKEN ? "" : "1:28: error: comment longer "
		    "than 65535 bytes; cut there\n");
		assert_int_equal(mif_doc_comments(doc, &n)[0].text->len,
		    MIF_MAX_TOKEN);
		mif_doc_free(doc);
		free(text);
	}
}

static void
test_long_words_and_numbers(void **state)
{
	(void)state;
	/* the longest word read at once, and one more */
	check_diags("START COMPONENT NAME = \"c\"\n"
	    "abcdefghijklmnopq abcdefghijklmnopqr END COMPONENT",
	    "2:1: error: unknown keyword \"abcdefghijklmnopq\"\n"
	    "2:19: error: unknown keyword \"abcdefghijklmnopqr\"\n");
	check_diags("START COMPONENT NAME = \"c\" END COMPONENT "
	    "abcdefghijklmnopqrstuvwxyz",
	    "1:42: error: unknown keyword \"abcdefghijklmnopqrstuvwxyz\"\n");

	check_number("-00000000000000000000000000000001", 1,
	    MIF_RADIX_OCT | MIF_NEGATIVE);
	check_bad("0x000000000000000000000000000000001G",
	    "4:9: error: invalid hexadecimal number "
	    "\"0x000000000000000000000000000000001G\"\n");
	check_diags("START COMPONENT NAME = \"c\" END COMPONENT "
	    "000000000000000000000000000000000009",
	    "1:42: error: invalid octal number "
	    "\"000000000000000000000000000000000009\"\n"
	    "1:78: error: unexpected end of file, expecting \"=\"\n");
}

static void
test_eof_mark(void **state)
{
	(void)state;
	mif_doc *doc = parse_text("START COMPONENT NAME = \"c\" END COMPONENT\r\n"
	    "\x1a garbage after the mark");
	char buf[256];
	assert_string_equal(diag_text(doc, buf, sizeof buf), "");
	assert_true(mif_doc_eof_mark(doc));
	mif_doc_free(doc);
}

static mif_doc *
parse_bytes(const char *bytes, size_t len)
{
	mif_error err;
	mif_doc *doc = mif_parse_buffer(bytes, len, NULL, &err);
	assert_non_null(doc);
	return doc;
}

static void
test_encodings(void **state)
{
	(void)state;
	/* ISO 8859-1: "Café" with E9 */
	static const char latin1[] = "START COMPONENT NAME = \"Caf\xe9\" END COMPONENT";
	mif_doc *doc = parse_bytes(latin1, sizeof latin1 - 1);
	assert_int_equal(mif_doc_encoding(doc), MIF_ENC_LATIN1);
	assert_string_equal(mif_block_string(mif_doc_component(doc),
	    MIF_KW_NAME)->bytes, "Caf\xc3\xa9");
	mif_doc_free(doc);

	static const char utf8[] = "\xef\xbb\xbfSTART COMPONENT NAME = \"Caf\xc3\xa9\" END COMPONENT";
	doc = parse_bytes(utf8, sizeof utf8 - 1);
	assert_int_equal(mif_doc_encoding(doc), MIF_ENC_UTF8);
	assert_string_equal(mif_block_string(mif_doc_component(doc),
	    MIF_KW_NAME)->bytes, "Caf\xc3\xa9");
	mif_doc_free(doc);

	const char *ascii = "START COMPONENT NAME = \"Caf\xe9\xf0\x9f\x98\x80\" END COMPONENT";
	/* the same as UTF-16, both byte orders, with a surrogate pair */
	uint16_t units[80];
	size_t n = 0;
	for (const char *s = ascii; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch == 0xf0) { units[n++] = 0xD83D; units[n++] = 0xDE00; s += 3; continue; }
		units[n++] = ch;
	}
	for (int big = 0; big <= 1; big++) {
		unsigned char bytes[200];
		size_t len = 0;
		bytes[len++] = big ? 0xFE : 0xFF;
		bytes[len++] = big ? 0xFF : 0xFE;
		for (size_t i = 0; i < n; i++) {
			bytes[len++] = (unsigned char)(big ? units[i] >> 8 : units[i]);
			bytes[len++] = (unsigned char)(big ? units[i] : units[i] >> 8);
		}
		doc = parse_bytes((const char *)bytes, len);
		assert_int_equal(mif_doc_encoding(doc),
		    big ? MIF_ENC_UTF16BE : MIF_ENC_UTF16LE);
		assert_string_equal(mif_block_string(mif_doc_component(doc),
		    MIF_KW_NAME)->bytes, "Caf\xc3\xa9\xf0\x9f\x98\x80");
		mif_doc_free(doc);
	}
}

static void
test_bad_encodings(void **state)
{
	(void)state;
	mif_error err;
	static const char bad8[] = "\xef\xbb\xbfSTART \xff";
	assert_null(mif_parse_buffer(bad8, sizeof bad8 - 1, NULL, &err));
	assert_int_equal(err.code, MIF_E_ENCODING);
	assert_string_equal(err.text, "invalid UTF-8 at byte 9");
	/* placed where decoding stopped: line and column as well */
	assert_int_equal(err.mark.line, 1);
	assert_int_equal(err.mark.column, 7);
	assert_int_equal(err.mark.offset, 9);
	static const char lone[] = "\xff\xfe" "A\0" "\x00\xdc";
	assert_null(mif_parse_buffer(lone, sizeof lone - 1, NULL, &err));
	assert_int_equal(err.code, MIF_E_ENCODING);
	assert_string_equal(err.text, "invalid UTF-16 at byte 4");
	assert_int_equal(err.mark.line, 1);
	assert_int_equal(err.mark.column, 2);
	assert_int_equal(err.mark.offset, 4);
	/* the error record may be left out */
	assert_null(mif_parse_buffer(lone, sizeof lone - 1, NULL, NULL));
	assert_null(mif_parse_buffer(bad8, sizeof bad8 - 1, NULL, NULL));
}

static void
test_places_in_utf16(void **state)
{
	(void)state;
	/* "START COMPONENT\n  @" in UTF-16LE: the @ is at line 2, column 3,
	 * file offset 2 + 2 * 18 */
	const char *text = "START COMPONENT\n  @";
	unsigned char bytes[64] = { 0xFF, 0xFE };
	size_t len = 2;
	for (const char *s = text; *s; s++) {
		bytes[len++] = (unsigned char)*s;
		bytes[len++] = 0;
	}
	mif_doc *doc = parse_bytes((const char *)bytes, len);
	const mif_error *e = mif_doc_diag(doc, 0);
	assert_non_null(e);
	assert_int_equal(e->mark.line, 2);
	assert_int_equal(e->mark.column, 3);
	assert_int_equal(e->mark.offset, 2 + 2 * 18);
	mif_doc_free(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keywords_any_case),
		cmocka_unit_test(test_every_word_and_its_neighbours),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_bad_numbers),
		cmocka_unit_test(test_strings_and_escapes),
		cmocka_unit_test(test_windows_path_escapes),
		cmocka_unit_test(test_unterminated_string),
		cmocka_unit_test(test_bad_characters_and_words),
		cmocka_unit_test(test_comments),
		cmocka_unit_test(test_long_strings),
		cmocka_unit_test(test_long_bodies_across_refills),
		cmocka_unit_test(test_long_comments),
		cmocka_unit_test(test_long_words_and_numbers),
		cmocka_unit_test(test_eof_mark),
		cmocka_unit_test(test_encodings),
		cmocka_unit_test(test_bad_encodings),
		cmocka_unit_test(test_places_in_utf16),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
