/* Text that is not MIF as UTF-8 whatever its byte-order mark:
 * mif_text_utf8() on a buffer, mif_text_utf8_stream() on a stream read a
 * chunk at a time. */
#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "mif.h"

/* text (ASCII and U+1F600, a surrogate pair) in UTF-16 with its mark. */
static char *
utf16(const char *text, bool big, size_t pad, size_t *len)
{
	size_t n = strlen(text);
	char *out = malloc(2 + 2 * (pad + n) + 4);
	unsigned char *o = (unsigned char *)out;
	uint16_t units[] = { 0xFEFF };
	size_t k = 0;

	assert_non_null(out);
#define PUT(u) do { uint16_t u_ = (u); o[k++] = big ? u_ >> 8 : u_ & 0xFF; \
	o[k++] = big ? u_ & 0xFF : u_ >> 8; } while (0)
	PUT(units[0]);
	for (size_t i = 0; i < pad; i++)
		PUT('x');
	for (size_t i = 0; i < n; i++) {
		if (text[i] == '@') { /* U+1F600 */
			PUT(0xD83D);
			PUT(0xDE00);
		} else {
			PUT((unsigned char)text[i]);
		}
	}
#undef PUT
	*len = k;
	return out;
}

static void
test_buffer_le_be(void **state)
{
	(void)state;
	for (int big = 0; big <= 1; big++) {
		size_t len;
		char *data = utf16("a@\r\nb", big, 0, &len);
		mif_error err;
		assert_true(mif_text_utf8(&data, &len, "t", &err));
		assert_int_equal(len, 8);
		assert_memory_equal(data, "a\xF0\x9F\x98\x80\r\nb", 8);
		free(data);
	}
}

static void
test_buffer_utf8_mark_and_none(void **state)
{
	(void)state;
	char *data = strdup("\xEF\xBB\xBFok");
	size_t len = 5;
	mif_error err;

	assert_true(mif_text_utf8(&data, &len, "t", &err));
	assert_int_equal(len, 2);
	assert_memory_equal(data, "ok", 2);
	assert_true(mif_text_utf8(&data, &len, "t", &err));
	assert_int_equal(len, 2);
	free(data);
}

static void
test_buffer_lone_surrogate(void **state)
{
	(void)state;
	size_t len;
	char *data = utf16("a\nbc", false, 0, &len);
	mif_error err;

	data[len - 1] = (char)0xD8; /* "c" becomes a lone high surrogate */
	assert_false(mif_text_utf8(&data, &len, "t", &err));
	assert_int_equal(err.code, MIF_E_ENCODING);
	assert_int_equal(err.mark.line, 2);
	assert_int_equal(err.mark.column, 2);
	assert_int_equal(err.mark.offset, 8);
	free(data);
}

/* The stream's UTF-8, read whole. */
static char *
stream_text(const char *bytes, size_t len, size_t *outlen, mif_error *err,
    bool *ok)
{
	FILE *in = fmemopen((void *)bytes, len, "r"), *out;
	assert_non_null(in);
	*ok = mif_text_utf8_stream(in, &out, "t", err);
	char *text = NULL;
	*outlen = 0;
	if (*ok) {
		FILE *m = open_memstream(&text, outlen);
		int c;
		while ((c = getc(out)) != EOF)
			putc(c, m);
		fclose(m);
		if (out != in)
			fclose(out);
	}
	fclose(in);
	return text;
}

static void
test_stream_pair_across_chunks(void **state)
{
	(void)state;
	/* the pair straddles the 64 KiB chunk the stream is read in */
	size_t pad = 32767, len, n;
	mif_error err;
	bool ok;
	for (int big = 0; big <= 1; big++) {
		char *data = utf16("@z", big, pad, &len);
		char *text = stream_text(data, len, &n, &err, &ok);
		assert_true(ok);
		assert_int_equal(n, pad + 5);
		assert_memory_equal(text + pad, "\xF0\x9F\x98\x80z", 5);
		free(text);
		free(data);
	}
}

static void
test_stream_marks(void **state)
{
	(void)state;
	size_t n;
	mif_error err;
	bool ok;
	static const struct { const char *in; size_t len; const char *out; }
	cases[] = {
		{ "job", 3, "job" },                 /* no mark: as it is */
		{ "\xEF\xBB\xBFjob", 6, "job" },     /* UTF-8 mark: dropped */
		{ "\xEF\xBBjob", 5, "\xEF\xBBjob" }, /* half a mark: kept */
		{ "\xFF", 1, "\xFF" },
		{ "", 0, "" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *text = stream_text(cases[i].in, cases[i].len, &n, &err,
		    &ok);
		assert_true(ok);
		assert_int_equal(n, strlen(cases[i].out));
		assert_memory_equal(text, cases[i].out, n);
		free(text);
	}
}

static void
test_stream_lone_surrogate(void **state)
{
	(void)state;
	size_t len, n;
	char *data = utf16("a\nbc", true, 40000, &len);
	mif_error err;
	bool ok;

	data[len - 2] = (char)0xDC; /* "c" becomes a lone low surrogate */
	free(stream_text(data, len, &n, &err, &ok));
	assert_false(ok);
	assert_int_equal(err.code, MIF_E_ENCODING);
	assert_int_equal(err.mark.line, 2);
	assert_int_equal(err.mark.column, 2);
	assert_int_equal(err.mark.offset, len - 2);
	free(data);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buffer_le_be),
		cmocka_unit_test(test_buffer_utf8_mark_and_none),
		cmocka_unit_test(test_buffer_lone_surrogate),
		cmocka_unit_test(test_stream_pair_across_chunks),
		cmocka_unit_test(test_stream_marks),
		cmocka_unit_test(test_stream_lone_surrogate),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
