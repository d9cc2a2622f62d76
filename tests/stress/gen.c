/*
 * Hostile inputs for the growth curves of tests/stress/run: each grows
 * one dimension of an input to about the size asked for, so that the
 * time a tool takes on it can be seen to grow with its size and no
 * faster.
 *
 *   gen KIND BYTES > FILE
 *
 * KIND is one of the names in `kinds` below.  The output is the same
 * for the same arguments.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/old_hash.h"

static void
repeat(int c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		putchar(c);
}

static void
component_start(void)
{
	fputs("START COMPONENT\n  NAME = \"Stress\"\n", stdout);
}

static void
component_id(void)
{
	fputs("  START GROUP\n    NAME = \"ComponentID\"\n    ID = 1\n"
	    "    CLASS = \"DMTF|ComponentID|1.0\"\n"
	    "    START ATTRIBUTE\n      NAME = \"Product\"\n      ID = 2\n"
	    "      TYPE = STRING(16)\n      VALUE = \"Stress\"\n"
	    "    END ATTRIBUTE\n  END GROUP\n", stdout);
}

/* One string of n bytes. */
static void
gen_string(size_t n)
{
	component_start();
	fputs("  DESCRIPTION = \"", stdout);
	repeat('a', n);
	fputs("\"\nEND COMPONENT\n", stdout);
}

/* One comment of n bytes, before a small component. */
static void
gen_comment(size_t n)
{
	fputs("// ", stdout);
	repeat('a', n);
	putchar('\n');
	component_start();
	fputs("END COMPONENT\n", stdout);
}

/* n blank lines, or n spaces, inside a component. */
static void
gen_blank(size_t n, int c)
{
	component_start();
	repeat(c, n);
	fputs("\nEND COMPONENT\n", stdout);
}

/* One bare word of n letters. */
static void
gen_word(size_t n)
{
	component_start();
	repeat('a', n);
	fputs("\nEND COMPONENT\n", stdout);
}

/* One line of n bytes holding 50 characters that start no token. */
static void
gen_errors_on_a_line(size_t n)
{
	component_start();
	for (size_t i = 0; i < n; i++)
		putchar(i % (n / 50 + 1) == 0 ? '@' : ' ');
	fputs("\nEND COMPONENT\n", stdout);
}

/* A valid file of about n bytes whose lines end in CR alone. */
static void
gen_cr_lines(size_t n)
{
	fputs("START COMPONENT\r  NAME = \"Stress\"\r", stdout);
	size_t out = 0;
	for (unsigned g = 2; out < n; g++) {
		out += (size_t)printf("  START GROUP\r    NAME = \"G%u\"\r"
		    "    ID = %u\r    CLASS = \"STRESS|G%u|1.0\"\r"
		    "    START ATTRIBUTE\r      NAME = \"A\"\r      ID = 1\r"
		    "      TYPE = INTEGER\r      VALUE = %u\r"
		    "    END ATTRIBUTE\r  END GROUP\r", g, g, g, g);
	}
	fputs("END COMPONENT\r", stdout);
}

/* Attributes with unnamed inline enums, the usual DMI idiom. */
static void
gen_inline_enums(size_t n)
{
	component_start();
	component_id();
	fputs("  START GROUP\n    NAME = \"States\"\n    ID = 2\n"
	    "    CLASS = \"STRESS|STATES|1.0\"\n", stdout);
	size_t out = 0;
	for (unsigned a = 1; out < n; a++)
		out += (size_t)printf("    START ATTRIBUTE\n      NAME = \"S%u\"\n"
		    "      ID = %u\n      TYPE = START ENUM\n        0 = \"Off\"\n"
		    "        1 = \"On\"\n      END ENUM\n      VALUE = 1\n"
		    "    END ATTRIBUTE\n", a, a);
	fputs("  END GROUP\nEND COMPONENT\n", stdout);
}

/* Comment lines at the end of a component. */
static void
gen_trailing_comments(size_t n)
{
	component_start();
	component_id();
	size_t out = 0;
	for (unsigned i = 0; out < n; i++)
		out += (size_t)printf("  // note %u\n", i);
	fputs("END COMPONENT\n", stdout);
}

/* A NOIDMIF-like class of keyed groups whose INTEGER64 keys all fell in
 * one bucket of the row index under the old unkeyed hash. */
static void
gen_colliding_keys(size_t n)
{
	component_start();
	component_id();
	size_t out = 0;
	for (unsigned g = 2; out < n; g++) {
		/* a number's old hash took its magnitude, with the top bit for
		 * the sign */
		uint64_t x = old_hash_preimage((uint64_t)g << 24);
		int64_t key = x >> 63 ? -(int64_t)(x ^ (1ULL << 63))
		    : (int64_t)x;
		out += (size_t)printf("  START GROUP\n    NAME = \"Disk\"\n"
		    "    ID = %u\n    CLASS = \"STRESS|DISK|1.0\"\n    KEY = 1\n"
		    "    START ATTRIBUTE\n      NAME = \"Serial\"\n      ID = 1\n"
		    "      TYPE = INTEGER64\n      VALUE = %" PRId64 "\n"
		    "    END ATTRIBUTE\n  END GROUP\n", g, key);
	}
	fputs("END COMPONENT\n", stdout);
}

/* XML whose groups all break the schema. */
static void
gen_invalid_xml(size_t n)
{
	fputs("<?xml version=\"1.0\"?>\n<mif><component><name>x</name>\n", stdout);
	size_t out = 0;
	while (out < n)
		out += (size_t)printf("<group><name>g</name><id>abc</id>"
		    "<class>a</class></group>\n");
	fputs("</component></mif>\n", stdout);
}

/* A DESCRIPTION joined from one-byte literals, one a line. */
static void
gen_string_pieces(size_t n)
{
	component_start();
	fputs("  DESCRIPTION =\n", stdout);
	for (size_t out = 0; out < n; out += 8)
		fputs("    \"x\"\n", stdout);
	fputs("END COMPONENT\n", stdout);
}

/* XML on one line whose comments all break the schema. */
static void
gen_invalid_xml_line(size_t n)
{
	fputs("<mif><component><name>C</name>", stdout);
	for (size_t out = 0; out < n; out += 26)
		fputs("<comment>a&#10;b</comment>", stdout);
	fputs("</component></mif>\n", stdout);
}

/* JSON whose comments all have the wrong shape. */
static void
gen_invalid_json(size_t n)
{
	size_t count = n / 30 + 1;
	fputs("{\"name\": \"C\", \"comments\": [", stdout);
	for (size_t i = 0; i < count; i++)
		printf("%s{\"text\": 5}", i > 0 ? ",\n" : "");
	fputs("],\n\"order\": [\"name\"", stdout);
	for (size_t i = 0; i < count; i++)
		fputs(", \"comments\"", stdout);
	fputs("]}\n", stdout);
}

struct kind {
	const char *name;
	void (*gen)(size_t);
};

static void gen_blank_lines(size_t n) { gen_blank(n, '\n'); }
static void gen_spaces(size_t n) { gen_blank(n, ' '); }

static const struct kind kinds[] = {
	{ "string", gen_string },
	{ "comment", gen_comment },
	{ "blank-lines", gen_blank_lines },
	{ "spaces", gen_spaces },
	{ "word", gen_word },
	{ "errors-on-a-line", gen_errors_on_a_line },
	{ "cr-lines", gen_cr_lines },
	{ "inline-enums", gen_inline_enums },
	{ "trailing-comments", gen_trailing_comments },
	{ "colliding-keys", gen_colliding_keys },
	{ "invalid-xml", gen_invalid_xml },
	{ "string-pieces", gen_string_pieces },
	{ "invalid-xml-line", gen_invalid_xml_line },
	{ "invalid-json", gen_invalid_json },
};

int
main(int argc, char *argv[])
{
	if (argc != 3) {
		fputs("usage: gen KIND BYTES\n", stderr);
		return 2;
	}
	size_t n = (size_t)strtoull(argv[2], NULL, 10);
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		if (strcmp(argv[1], kinds[i].name) == 0) {
			kinds[i].gen(n);
			return fflush(stdout) == 0 ? 0 : 1;
		}
	}
	fprintf(stderr, "gen: unknown kind %s\n", argv[1]);
	return 2;
}
