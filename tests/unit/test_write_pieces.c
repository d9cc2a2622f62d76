/* Writing through a put function (mif_write_to, mif_write_xml_to,
 * mif_write_json_to): the pieces make the same bytes as the buffer
 * writers, in more than one piece for a big document; a put that says
 * no stops the writing with MIF_E_IO; a string the encoding cannot
 * take fails it before any piece is given. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mif.h"

/* What put received: the bytes, the pieces, and when to say no. */
struct sink {
	char *bytes;
	size_t len, cap;
	size_t pieces;
	size_t fail_at;     /* the piece that fails (from 1), 0 for none */
	size_t calls_after; /* pieces given after a failure */
	bool failed;
};

static bool
put(void *ctx, const void *bytes, size_t len)
{
	struct sink *s = ctx;

	if (s->failed)
		s->calls_after++;
	if (++s->pieces == s->fail_at) {
		s->failed = true;
		return false;
	}
	if (s->len + len > s->cap) {
		s->cap = (s->len + len) * 2;
		s->bytes = realloc(s->bytes, s->cap);
		assert_non_null(s->bytes);
	}
	memcpy(s->bytes + s->len, bytes, len);
	s->len += len;
	return true;
}

/* A component of n groups, each with a comment and a string of
 * characters above U+00FF when wide. */
static mif_doc *
big_doc(unsigned n, bool wide)
{
	size_t cap = 200 + (size_t)n * 200, len = 0;
	char *text = malloc(cap);
	mif_error err;

	assert_non_null(text);
	len += (size_t)snprintf(text + len, cap - len,
	    "START COMPONENT\nNAME = \"Big\"\n");
	for (unsigned i = 1; i <= n; i++)
		len += (size_t)snprintf(text + len, cap - len,
		    "// group %u\nSTART GROUP\nNAME = \"G%u\"\nID = %u\n"
		    "CLASS = \"X|G%u|1.0\"\nSTART ATTRIBUTE\nNAME = \"A\"\n"
		    "ID = 1\nVALUE = \"%s\"\nEND ATTRIBUTE\nEND GROUP\n",
		    i, i, i, i, wide && i == n ? "\xE2\x82\xAC" : "\xC3\xA9");
	len += (size_t)snprintf(text + len, cap - len, "END COMPONENT\n");
	mif_parse_options o = { .source_name = "big.mif",
	    .input_encoding = MIF_ENC_UTF8, .input_encoding_given = true };
	mif_doc *doc = mif_parse_buffer(text, len, &o, &err);
	free(text);
	assert_non_null(doc);
	assert_int_equal(mif_doc_error_count(doc), 0);
	return doc;
}

static void
test_mif_pieces(void **state)
{
	(void)state;
	mif_doc *doc = big_doc(3000, false);
	mif_write_options forms[] = {
		{ MIF_ENC_SOURCE, MIF_NL_SOURCE, MIF_EOF_SOURCE },
		{ MIF_ENC_LATIN1, MIF_NL_CRLF, MIF_EOF_ADD },
		{ MIF_ENC_UTF16LE, MIF_NL_LF, MIF_EOF_SOURCE },
		{ MIF_ENC_UTF16BE, MIF_NL_CRLF, MIF_EOF_ADD },
	};
	mif_error err;

	for (size_t f = 0; f < sizeof forms / sizeof forms[0]; f++) {
		struct sink s = { 0 };
		char *whole;
		size_t len;
		assert_int_equal(mif_write_to(doc, &forms[f], put, &s, &err), 0);
		assert_int_equal(mif_write_buffer(doc, &forms[f], &whole, &len,
		    &err), 0);
		assert_true(s.pieces > 1);
		assert_int_equal(s.len, len);
		assert_memory_equal(s.bytes, whole, len);
		free(whole);
		free(s.bytes);
	}
	mif_doc_free(doc);
}

static void
test_forms_pieces(void **state)
{
	(void)state;
	mif_doc *doc = big_doc(3000, false);
	int (*to[])(const mif_doc *, mif_put_fn *, void *, mif_error *) = {
		mif_write_xml_to, mif_write_json_to,
	};
	int (*buffer[])(const mif_doc *, char **, size_t *, mif_error *) = {
		mif_write_xml, mif_write_json,
	};
	mif_error err;

	for (size_t f = 0; f < 2; f++) {
		struct sink s = { 0 };
		char *whole;
		size_t len;
		assert_int_equal(to[f](doc, put, &s, &err), 0);
		assert_int_equal(buffer[f](doc, &whole, &len, &err), 0);
		assert_true(s.pieces > 1);
		assert_int_equal(s.len, len);
		assert_memory_equal(s.bytes, whole, len);
		assert_int_equal(whole[len], '\0');
		free(whole);
		free(s.bytes);
	}
	mif_doc_free(doc);
}

/* A put that says no at its second piece: MIF_E_IO, and no piece after. */
static void
test_put_says_no(void **state)
{
	(void)state;
	mif_doc *doc = big_doc(3000, false);
	mif_error err;
	struct sink s = { .fail_at = 2 };

	assert_int_equal(mif_write_to(doc, NULL, put, &s, &err), -1);
	assert_int_equal(err.code, MIF_E_IO);
	assert_int_equal(s.calls_after, 0);
	free(s.bytes);

	s = (struct sink){ .fail_at = 2 };
	assert_int_equal(mif_write_xml_to(doc, put, &s, &err), -1);
	assert_int_equal(err.code, MIF_E_IO);
	assert_int_equal(s.calls_after, 0);
	free(s.bytes);

	s = (struct sink){ .fail_at = 2 };
	assert_int_equal(mif_write_json_to(doc, put, &s, &err), -1);
	assert_int_equal(err.code, MIF_E_IO);
	assert_int_equal(s.calls_after, 0);
	free(s.bytes);
	mif_doc_free(doc);
}

/* A character ISO 8859-1 cannot hold, in the last group: found before
 * anything is given, placed in the input, by all three writers. */
/* A string that is not UTF-8, in a built tree: refused before any piece,
 * in every encoding. */
static void
test_not_utf8(void **state)
{
	(void)state;
	mif_doc *doc = mif_doc_create("built");
	mif_error err;
	struct sink s = { 0 };

	assert_non_null(doc);
	mif_block *c = mif_add_block(doc, NULL, MIF_COMPONENT);
	assert_non_null(c);
	assert_non_null(mif_set_string(doc, c, MIF_KW_NAME, "C"));
	for (int i = 0; i < 3000; i++)
		assert_true(mif_add_comment(doc, NULL, i < 2999 ? "a comment"
		    : "bad \xFF", false));
	mif_write_options utf8 = { MIF_ENC_UTF8, MIF_NL_SOURCE, MIF_EOF_SOURCE };
	assert_int_equal(mif_write_to(doc, &utf8, put, &s, &err), -1);
	assert_int_equal(err.code, MIF_E_ENCODING);
	assert_int_equal(s.pieces, 0);
	mif_doc_free(doc);
}

static void
test_unwritable_late(void **state)
{
	(void)state;
	mif_doc *doc = big_doc(3000, true);
	mif_write_options latin1 = { MIF_ENC_LATIN1, MIF_NL_SOURCE,
		MIF_EOF_SOURCE };
	mif_error err;
	struct sink s = { 0 };

	assert_int_equal(mif_write_to(doc, &latin1, put, &s, &err), -1);
	assert_int_equal(err.code, MIF_E_ENCODING);
	assert_int_equal(err.mark.line, 3000 * 11); /* its VALUE */
	assert_int_equal(err.mark.column, 10);
	assert_int_equal(s.pieces, 0);
	free(s.bytes);

	char *mem = NULL;
	size_t memlen = 0;
	FILE *fp = open_memstream(&mem, &memlen);
	assert_non_null(fp);
	assert_int_equal(mif_write_stream(doc, &latin1, fp, &err), -1);
	assert_int_equal(err.code, MIF_E_ENCODING);
	assert_int_equal(fclose(fp), 0);
	assert_int_equal(memlen, 0);
	free(mem);

	char *out = NULL;
	size_t len = 0;
	assert_int_equal(mif_write_buffer(doc, &latin1, &out, &len, &err), -1);
	assert_null(out);
	mif_doc_free(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mif_pieces),
		cmocka_unit_test(test_forms_pieces),
		cmocka_unit_test(test_put_says_no),
		cmocka_unit_test(test_unwritable_late),
		cmocka_unit_test(test_not_utf8),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
