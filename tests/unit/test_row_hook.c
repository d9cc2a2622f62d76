/* The builder's row hook (mif_parse_path_rows()): rows dropped as they
 * are read give back their memory and their strings, and the strings of
 * later rows still intern as one. */
#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "lang/internal.h"

/* A file of its own holding text; its path in path. */
static void
write_file(char *path, const char *text)
{
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
}

typedef struct seen {
	unsigned rows;
	uint32_t index[8];
	char first[8][16];  /* each row's first cell, as the hook saw it */
} seen;

/* Keeps the rows whose first cell starts with "keep". */
static bool
hook(const mif_built_row *b, void *arg)
{
	seen *s = arg;
	const mif_string *v = b->row->cells[0].v.str;

	assert_int_equal(b->table->kind, MIF_TABLE);
	assert_non_null(mif_block_string(b->table, MIF_KW_CLASS));
	assert_non_null(b->blocks_before); /* the template */
	if (s->rows < 8) {
		s->index[s->rows] = b->index;
		snprintf(s->first[s->rows], sizeof s->first[0], "%s", v->bytes);
	}
	s->rows++;
	return strncmp(v->bytes, "keep", 4) == 0;
}

static const char text[] =
    "START COMPONENT NAME = \"c\"\n"
    "START GROUP NAME = \"T\" CLASS = \"X|T|1\" KEY = 1\n"
    "START ATTRIBUTE NAME = \"A\" ID = 1 TYPE = STRING(16) END ATTRIBUTE\n"
    "START ATTRIBUTE NAME = \"B\" ID = 2 TYPE = STRING(16) END ATTRIBUTE\n"
    "END GROUP\n"
    "START TABLE NAME = \"t\" ID = 2 CLASS = \"X|T|1\"\n"
    "{\"drop1\", \"only1\"}\n"
    "{\"drop2\", \"only2\"} // a comment between rows\n"
    "{\"drop3\", \"shared\"}\n"
    "{\"keep4\", \"shared\"}\n"
    "{\"drop5\", \"only5\"}\n"
    "{\"keep6\", \"only6\"}\n"
    "END TABLE\n"
    "END COMPONENT\n";

static void
test_rows_dropped_and_kept(void **state)
{
	(void)state;
	char path[] = "/tmp/test_row_hook.XXXXXX";
	seen s = { 0 };
	write_file(path, text);
	mif_doc *doc = mif_parse_path_rows(path, NULL, hook, NULL, &s, NULL);
	mif_doc *whole = mif_parse_path(path, NULL, NULL);
	unlink(path);
	assert_non_null(doc);
	assert_int_equal(mif_doc_diag_count(doc), 0);
	assert_int_equal(s.rows, 6);
	for (unsigned i = 0; i < 6; i++)
		assert_int_equal(s.index[i], i);
	assert_string_equal(s.first[2], "drop3");

	const mif_block *t = mif_doc_component(doc)->u.children->next;
	assert_int_equal(t->kind, MIF_TABLE);
	assert_int_equal(t->count, 2);
	const mif_row *r = t->u.rows;
	assert_string_equal(r->cells[0].v.str->bytes, "keep4");
	assert_string_equal(r->cells[1].v.str->bytes, "shared");
	assert_string_equal(r->next->cells[0].v.str->bytes, "keep6");
	assert_string_equal(r->next->cells[1].v.str->bytes, "only6");
	assert_null(r->next->next);
	/* one string, once: interned after rows that were given back */
	assert_ptr_equal(r->cells[1].v.str, mif_intern(doc, "shared", 6));
	assert_ptr_equal(r->next->cells[0].v.str, mif_intern(doc, "keep6", 5));
	/* the dropped rows' own strings are gone: drop2, only2, drop3 and
	 * the comment's text, not those of a row dropped first or after a
	 * row kept, which mark where to go back to */
	size_t kept = doc->strings.count;
	assert_int_equal(kept + 4, whole->strings.count);
	assert_int_equal(mif_intern(doc, "only2", 5)->len, 5);
	assert_int_equal(doc->strings.count, kept + 1);
	/* and so is the comment of a row given back */
	size_t n;
	mif_doc_comments(doc, &n);
	assert_int_equal(n, 0);
	mif_doc_free(doc);
	mif_doc_free(whole);
}

/* Counts rows and the restarts of the parse. */
typedef struct counted {
	unsigned rows, restarts;
	char last[16];
} counted;

static bool
count_row(const mif_built_row *b, void *arg)
{
	counted *c = arg;

	snprintf(c->last, sizeof c->last, "%s", b->row->cells[0].v.str->bytes);
	c->rows++;
	return false;
}

static void
count_restart(void *arg)
{
	counted *c = arg;

	c->rows = 0;
	c->restarts++;
}

/* A big file (its look for bytes over 0x7F left to the scanner's feed)
 * whose last row holds one: the parse starts again, the hook told so, and
 * the row reads as ISO 8859-1; without a restart, the look comes first. */
static void
test_rows_restart_after_late_high_byte(void **state)
{
	(void)state;
	char path[] = "/tmp/test_row_hook.XXXXXX";
	size_t cap = (6u << 20), n = 0;
	char *big = malloc(cap);
	unsigned rows = 0;

	assert_non_null(big);
	n += (size_t)snprintf(big, cap, "%.*s", (int)(strstr(text, "{") - text),
	    text);
	while (n < (5u << 20)) {
		n += (size_t)snprintf(big + n, cap - n, "{\"row%u\", \"x\"}\n",
		    rows);
		rows++;
	}
	n += (size_t)snprintf(big + n, cap - n,
	    "{\"Z\xfcrich\", \"x\"}\nEND TABLE\nEND COMPONENT\n");
	rows++;
	write_file(path, big);
	free(big);
	for (int restartable = 0; restartable <= 1; restartable++) {
		counted c = { 0 };
		mif_doc *doc = mif_parse_path_rows(path, NULL, count_row,
		    restartable ? count_restart : NULL, &c, NULL);
		assert_non_null(doc);
		assert_int_equal(mif_doc_diag_count(doc), 0);
		assert_int_equal(c.restarts, restartable ? 1 : 0);
		assert_int_equal(c.rows, rows);
		assert_string_equal(c.last, "Z\xc3\xbcrich");
		mif_doc_free(doc);
	}
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows_dropped_and_kept),
		cmocka_unit_test(test_rows_restart_after_late_high_byte),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
