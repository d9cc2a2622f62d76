/*
 * Write a large MIF and the same content as XML, for the benchmark.
 *
 *   gen DIR [GROUPS [LENGTH]]
 *
 * writes DIR/bench.mif and DIR/bench.xml: a ComponentID group, then
 * GROUPS scalar groups (default 130000, about 150 MB of MIF) of four
 * attributes each (a string, an integer, a date and a display string),
 * every attribute with a description.  The values come from a fixed
 * pseudo-random sequence, so every run writes the same bytes.
 * LENGTH (20 to 128) makes the files of the same kind with longer
 * strings: each display string then takes LENGTH characters, its words
 * drawn from the sequence, so that few values repeat
 * (gen DIR 130000 128 writes about 154 MB).
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_GROUPS 130000u
/* LENGTH's range: the display string is a DISPLAYSTRING(128). */
#define MIN_LENGTH 20u
#define MAX_LENGTH 128u

/* One attribute, as both formats need it. */
typedef struct attribute {
	unsigned id;
	const char *name;
	const char *type;
	const char *access;
	const char *storage;
	const char *description;
	char value[160];
	int quoted; /* strings and dates are quoted in MIF */
} attribute;

typedef struct writer {
	FILE *mif;
	FILE *xml;
	const char *mif_path;
	const char *xml_path;
} writer;

/* A 64-bit linear congruential generator: deterministic, good enough. */
static uint32_t
next_random(uint64_t *state)
{
	*state = *state * 6364136223846793005u + 1442695040888963407u;
	return (uint32_t)(*state >> 33);
}

static void
die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("gen: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(2);
}

/* Text in an XML attribute or element: escape the five specials. */
static void
put_xml_text(FILE *fp, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&': fputs("&amp;", fp); break;
		case '<': fputs("&lt;", fp); break;
		case '>': fputs("&gt;", fp); break;
		case '"': fputs("&quot;", fp); break;
		case '\'': fputs("&apos;", fp); break;
		default: fputc(*s, fp); break;
		}
	}
}

static void
put_attribute(writer *w, const attribute *a)
{
	const char *q = a->quoted ? "\"" : "";

	fprintf(w->mif,
	    "    START ATTRIBUTE\n"
	    "      NAME = \"%s\"\n"
	    "      ID = %u\n"
	    "      DESCRIPTION = \"%s\"\n"
	    "      ACCESS = %s\n"
	    "      STORAGE = %s\n"
	    "      TYPE = %s\n"
	    "      VALUE = %s%s%s\n"
	    "    END ATTRIBUTE\n",
	    a->name, a->id, a->description, a->access, a->storage, a->type,
	    q, a->value, q);

	fprintf(w->xml, "    <attribute id=\"%u\" name=\"", a->id);
	put_xml_text(w->xml, a->name);
	fprintf(w->xml, "\" type=\"%s\" access=\"%s\" storage=\"%s\" description=\"",
	    a->type, a->access, a->storage);
	put_xml_text(w->xml, a->description);
	fputs("\">", w->xml);
	put_xml_text(w->xml, a->value);
	fputs("</attribute>\n", w->xml);
}

static void
open_group(writer *w, unsigned id, const char *name, const char *class,
    const char *description)
{
	fprintf(w->mif,
	    "  START GROUP\n"
	    "    NAME = \"%s\"\n"
	    "    ID = %u\n"
	    "    CLASS = \"%s\"\n"
	    "    DESCRIPTION = \"%s\"\n",
	    name, id, class, description);
	fprintf(w->xml, "  <group id=\"%u\" class=\"", id);
	put_xml_text(w->xml, class);
	fputs("\" name=\"", w->xml);
	put_xml_text(w->xml, name);
	fputs("\" description=\"", w->xml);
	put_xml_text(w->xml, description);
	fputs("\">\n", w->xml);
}

static void
close_group(writer *w)
{
	fputs("  END GROUP\n", w->mif);
	fputs("  </group>\n", w->xml);
}

static attribute
string_attribute(unsigned id, const char *name, const char *type,
    const char *storage, const char *description, const char *value)
{
	attribute a = { id, name, type, "READ-ONLY", storage, description, "", 1 };

	snprintf(a.value, sizeof a.value, "%s", value);
	return a;
}

static void
put_component_id(writer *w)
{
	attribute a;

	open_group(w, 1, "ComponentID", "DMTF|ComponentID|1.0",
	    "This group defines attributes common to all components.");
	a = string_attribute(1, "Manufacturer", "STRING(64)", "COMMON",
	    "The name of the manufacturer that produces this component.",
	    "Example Corp.");
	put_attribute(w, &a);
	a = string_attribute(2, "Product", "STRING(64)", "COMMON",
	    "The name of the component.", "Benchmark Inventory");
	put_attribute(w, &a);
	a = string_attribute(3, "Version", "STRING(64)", "COMMON",
	    "The version for the component.", "1.0");
	put_attribute(w, &a);
	a = string_attribute(4, "Serial Number", "STRING(64)", "SPECIFIC",
	    "The serial number for this instance of this component.", "BM-0001");
	put_attribute(w, &a);
	a = string_attribute(5, "Installation", "DATE", "SPECIFIC",
	    "The time and date of the last install of this component.",
	    "19961231235959.000000+000");
	put_attribute(w, &a);
	a = (attribute){ 6, "Verify", "INTEGER", "READ-ONLY", "SPECIFIC",
	    "A code that provides a level of verification.", "7", 0 };
	put_attribute(w, &a);
	close_group(w);
}

/* Words drawn from the sequence after text in buf, up to length
 * characters in all. */
static void
lengthen(char *buf, size_t length, uint64_t *rng)
{
	static const char *const words[] = {
		"disk", "replaced", "after", "the", "nightly", "audit", "found",
		"errors", "on", "volume", "memory", "upgraded", "by", "site",
		"staff", "network", "card", "driver", "patched", "twice",
	};
	size_t len = strlen(buf);

	while (len + 1 < length) {
		const char *word = words[next_random(rng) % 20u];
		size_t n = strlen(word);
		if (len + 1 + n > length)
			n = length - len - 1;
		buf[len++] = ' ';
		memcpy(buf + len, word, n);
		len += n;
	}
	buf[len] = '\0';
}

static void
put_record(writer *w, unsigned n, unsigned length, uint64_t *rng)
{
	static const char *const words[] = {
		"nominal", "degraded", "patched", "rebooted", "migrated",
		"audited", "replaced", "upgraded",
	};
	char name[32];
	attribute a;
	uint32_t r = next_random(rng);

	snprintf(name, sizeof name, "Host Record %u", n);
	open_group(w, n + 1, name, "BENCH|HostRecord|1.0",
	    "One host seen by the inventory.");

	a = (attribute){ 1, "Host Name", "STRING(64)", "READ-ONLY", "SPECIFIC",
	    "The fully qualified name of the host.", "", 1 };
	snprintf(a.value, sizeof a.value, "host-%06u.example.com", n);
	put_attribute(w, &a);

	a = (attribute){ 2, "Uptime Delta", "INTEGER", "READ-ONLY", "SPECIFIC",
	    "Seconds gained or lost since the last report.", "", 0 };
	snprintf(a.value, sizeof a.value, "%ld", (long)(r % 2000001u) - 1000000L);
	put_attribute(w, &a);

	r = next_random(rng);
	a = (attribute){ 3, "Last Seen", "DATE", "READ-ONLY", "SPECIFIC",
	    "When the host last reported.", "", 1 };
	snprintf(a.value, sizeof a.value, "%04u%02u%02u%02u%02u%02u.000000+000",
	    1990u + r % 30u, 1u + (r >> 5) % 12u, 1u + (r >> 9) % 28u,
	    (r >> 14) % 24u, (r >> 19) % 60u, (r >> 25) % 60u);
	put_attribute(w, &a);

	r = next_random(rng);
	a = (attribute){ 4, "Note", "DISPLAYSTRING(128)", "READ-WRITE", "COMMON",
	    "Free text kept by the administrators.", "", 1 };
	snprintf(a.value, sizeof a.value, "Host %u was %s on pass %u.",
	    n, words[r % 8u], (r >> 3) % 1000u);
	if (length != 0)
		lengthen(a.value, length, rng);
	put_attribute(w, &a);

	close_group(w);
}

static FILE *
create(const char *dir, const char *name, char **path)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	FILE *fp;

	*path = malloc(n);
	if (*path == NULL)
		die("out of memory");
	snprintf(*path, n, "%s/%s", dir, name);
	fp = fopen(*path, "w");
	if (fp == NULL)
		die("%s: %s", *path, strerror(errno));
	return fp;
}

static void
finish(FILE *fp, const char *path)
{
	if (ferror(fp) || fclose(fp) != 0)
		die("%s: write error", path);
}

int
main(int argc, char **argv)
{
	writer w;
	char *mif_path, *xml_path;
	unsigned groups = DEFAULT_GROUPS, length = 0;
	uint64_t rng = 1996;

	if (argc < 2 || argc > 4) {
		fputs("usage: gen DIR [GROUPS [LENGTH]]\n", stderr);
		return 2;
	}
	if (argc == 4) {
		char *end;
		unsigned long v = strtoul(argv[3], &end, 10);
		if (*end != '\0' || v < MIN_LENGTH || v > MAX_LENGTH)
			die("bad string length: %s (%u to %u)", argv[3],
			    MIN_LENGTH, MAX_LENGTH);
		length = (unsigned)v;
	}
	if (argc >= 3) {
		char *end;
		unsigned long v = strtoul(argv[2], &end, 10);
		if (*end != '\0' || v == 0 || v > 4000000000u)
			die("bad group count: %s", argv[2]);
		groups = (unsigned)v;
	}
	w.mif = create(argv[1], "bench.mif", &mif_path);
	w.xml = create(argv[1], "bench.xml", &xml_path);
	w.mif_path = mif_path;
	w.xml_path = xml_path;

	fputs("// Benchmark input written by tests/bench/gen.c.\n"
	    "START COMPONENT\n"
	    "  NAME = \"Benchmark Inventory\"\n"
	    "  DESCRIPTION = \"Many scalar groups of a few attributes.\"\n",
	    w.mif);
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<component name=\"Benchmark Inventory\" "
	    "description=\"Many scalar groups of a few attributes.\">\n",
	    w.xml);
	put_component_id(&w);
	for (unsigned n = 1; n <= groups; n++)
		put_record(&w, n, length, &rng);
	fputs("END COMPONENT\n", w.mif);
	fputs("</component>\n", w.xml);

	finish(w.mif, mif_path);
	finish(w.xml, xml_path);
	free(mif_path);
	free(xml_path);
	return 0;
}
