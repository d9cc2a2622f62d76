/*
 * A text parsed in two parts gives the document a whole parse gives:
 * the same diagnostics in the same order, the same tree, the same
 * comments, the same damaged blocks, and strings that are the
 * document's one copy of their text.
 *
 * Every file under samples/ and every input of tests/tools/ (valid and
 * invalid, the real corpus among them) is parsed whole, then split at
 * each line of it that starts with START (the guess of a big file, and
 * the wrong guesses: blocks nested, after "=", after an error), and at
 * the middle guess; and crafted texts whose splits must be refused:
 * a START inside a comment, a block left open, a statement of the
 * component after the split, errors at the cap across the split.
 *
 * The same files are checked (mif_check()) in one part, then in two at
 * each of the component's blocks: the diagnostics must be the same, in
 * the same order, under the error cap too.  Run under ThreadSanitizer by
 * `make check SANITIZE=thread`.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "meaning/check.h"
#include "split_parse.h"

/* ---- the document as text, to compare -------------------------------- */

typedef struct dump {
	char *text;
	size_t len;
	FILE *fp;
	const mif_doc *doc;
	bool canonical; /* every string is the document's one copy */
} dump;

static void
put_string(dump *d, const mif_string *s)
{
	if (s == NULL) {
		fputs("(null)", d->fp);
		return;
	}
	fprintf(d->fp, "\"%.*s\"", (int)s->len, s->bytes);
	/* interning it again must give it back, not another copy */
	if (mif_intern((mif_doc *)d->doc, s->bytes, s->len) != s)
		d->canonical = false;
}

static void put_block(dump *d, const mif_block *b, int depth);

static void
put_value(dump *d, const mif_stmt *v)
{
	fprintf(d->fp, "@%u kw%u sub%u form%u fl%u ", v->pos, v->kw, v->sub,
	    v->form, v->flags);
	switch (v->form) {
	case MIF_F_STRING: case MIF_F_OVERLAY:
		put_string(d, v->v.str);
		break;
	case MIF_F_TYPE:
		if (v->sub == MIF_T_ENUM_NAMED)
			put_string(d, v->v.str);
		else if (v->sub == MIF_T_ENUM_INLINE && v->v.enm != NULL)
			put_block(d, v->v.enm, 99);
		else
			fprintf(d->fp, "%llu", (unsigned long long)v->v.u);
		break;
	case MIF_F_KEYS:
		for (uint32_t i = 0; i < v->v.keys->count; i++)
			fprintf(d->fp, "%llu/%u,",
			    (unsigned long long)v->v.keys->items[i].mag,
			    v->v.keys->items[i].flags);
		break;
	case MIF_F_INTEGER: case MIF_F_WORD:
		fprintf(d->fp, "%llu", (unsigned long long)v->v.u);
		break;
	default:
		break;
	}
	fputc('\n', d->fp);
}

static void
put_block(dump *d, const mif_block *b, int depth)
{
	fprintf(d->fp, "%*sblock %u r%u @%u-%u n%u count %u\n", depth % 20, "",
	    b->kind, b->reserved, b->pos, b->end_pos, b->nstmts, b->count);
	for (uint16_t i = 0; i < b->nstmts; i++)
		put_value(d, &b->stmts[i]);
	if (b->kind == MIF_ENUM) {
		for (uint32_t i = 0; i < b->count; i++) {
			fprintf(d->fp, " item @%u %llu/%u ", b->u.items[i].pos,
			    (unsigned long long)b->u.items[i].value.mag,
			    b->u.items[i].value.flags);
			put_string(d, b->u.items[i].symbol);
			fputc('\n', d->fp);
		}
	} else if (b->kind == MIF_TABLE) {
		for (const mif_row *r = b->u.rows; r != NULL; r = r->next) {
			fprintf(d->fp, " row @%u-%u\n", r->pos, r->end_pos);
			for (uint32_t i = 0; i < r->ncells; i++)
				put_value(d, &r->cells[i]);
		}
	} else {
		uint32_t n = 0;
		for (const mif_block *c = b->u.children; c != NULL; c = c->next, n++)
			put_block(d, c, depth + 1);
		fprintf(d->fp, "%*send %u children\n", depth % 20, "", n);
	}
}

static void
put_mark(dump *d, mif_mark m)
{
	fprintf(d->fp, "%u:%u+%zu", m.line, m.column, m.offset);
}

/* Everything a parse leaves in the document. */
static char *
dump_doc(const mif_doc *doc, bool *canonical)
{
	dump d = { .doc = doc, .canonical = true };

	d.fp = open_memstream(&d.text, &d.len);
	assert_non_null(d.fp);
	for (size_t i = 0; i < mif_doc_diag_count(doc); i++) {
		const mif_error *e = mif_doc_diag(doc, i);
		fprintf(d.fp, "diag %d %d %d %s ", e->code, e->severity,
		    e->rule, e->source);
		put_mark(&d, e->mark);
		fputc(' ', d.fp);
		put_mark(&d, e->context);
		fprintf(d.fp, " %s\n", e->text);
	}
	fprintf(d.fp, "errors %zu\n", mif_doc_error_count(doc));
	size_t n;
	const mif_comment *c = mif_doc_comments(doc, &n);
	for (size_t i = 0; i < n; i++) {
		fprintf(d.fp, "comment @%u %d ", c[i].pos, c[i].same_line);
		put_string(&d, c[i].text);
		fputc('\n', d.fp);
	}
	for (size_t i = 0; i < doc->ndamaged; i++)
		fprintf(d.fp, "damaged @%u\n", doc->damaged[i]);
	if (doc->component != NULL)
		put_block(&d, doc->component, 0);
	fclose(d.fp);
	*canonical = d.canonical;
	return d.text;
}

/* ---- parsing ---------------------------------------------------------- */

/* Parse data split at `at` (MIF_NOPOS: whole, one thread; SIZE_MAX in
 * split_min: never guess).  *outcome says what became of the split. */
static mif_doc *
parse(const char *data, size_t len, uint32_t at, size_t split_min,
    unsigned max_errors, enum mif_split_outcome *outcome)
{
	return split_parse("t.mif", data, len, max_errors,
	    at == MIF_NOPOS && split_min == SIZE_MAX ? 1 : 0, split_min, at,
	    outcome);
}

static struct {
	size_t merged, fell_back, splits;
} tally;

/* Parse whole, then split at `at`; the two documents must agree.
 * Returns what became of the split. */
static enum mif_split_outcome
compare_at(const char *name, const char *data, size_t len, uint32_t at,
    size_t split_min, unsigned max_errors, const char *whole_text)
{
	enum mif_split_outcome outcome;
	mif_doc *doc = parse(data, len, at, split_min, max_errors, &outcome);
	if (doc == NULL)
		return MIF_SPLIT_NONE;
	bool canonical;
	char *text = dump_doc(doc, &canonical);
	if (strcmp(text, whole_text) != 0 || !canonical) {
		fprintf(stderr, "%s split at %u (%s): differs from the whole parse\n"
		    "---- whole\n%s---- split\n%s", name, at,
		    outcome == MIF_SPLIT_MERGED ? "merged" : "fell back",
		    whole_text, text);
		fail();
	}
	free(text);
	mif_doc_free(doc);
	tally.splits++;
	if (outcome == MIF_SPLIT_MERGED)
		tally.merged++;
	else if (outcome == MIF_SPLIT_FALLBACK)
		tally.fell_back++;
	return outcome;
}

static char *
whole(const char *data, size_t len, unsigned max_errors)
{
	enum mif_split_outcome outcome;
	mif_doc *doc = parse(data, len, MIF_NOPOS, SIZE_MAX, max_errors, &outcome);
	if (doc == NULL)
		return NULL;
	assert_int_equal(outcome, MIF_SPLIT_NONE);
	bool canonical;
	char *text = dump_doc(doc, &canonical);
	assert_true(canonical);
	mif_doc_free(doc);
	return text;
}

/* Split at every line that starts with START and at the middle guess;
 * returns how many splits were merged. */
static size_t
compare_all(const char *name, const char *data, size_t len,
    unsigned max_errors)
{
	char *w = whole(data, len, max_errors);
	size_t merged = 0;

	if (w == NULL)
		return 0;
	for (size_t i = 0; i < len; i++) {
		if (i > 0 && data[i - 1] != '\n')
			continue;
		size_t j = i;
		while (j < len && (data[j] == ' ' || data[j] == '\t'))
			j++;
		if (len - j >= 5 && mif_ncasecmp(data + j, "START", 5) == 0)
			merged += compare_at(name, data, len, (uint32_t)j, 0,
			    max_errors, w) == MIF_SPLIT_MERGED;
	}
	merged += compare_at(name, data, len, MIF_NOPOS, 0, max_errors, w)
	    == MIF_SPLIT_MERGED;
	free(w);
	return merged;
}

/* ---- checking in two parts ------------------------------------------------ */

static struct {
	size_t splits, taken, dropped, again;
} checks;

/* The document's dump once checked, at split `at` (SIZE_MAX: whole). */
static char *
checked(const char *data, size_t len, const mif_check_options *opts,
    size_t at, enum check_split_outcome *outcome)
{
	enum mif_split_outcome parsed;
	mif_doc *doc = parse(data, len, MIF_NOPOS, SIZE_MAX, opts->max_errors,
	    &parsed);
	if (doc == NULL)
		return NULL;
	mif_check_with_split(doc, opts, SIZE_MAX, at, outcome);
	bool canonical;
	char *text = dump_doc(doc, &canonical);
	mif_doc_free(doc);
	return text;
}

/* Check whole, then split at each of the component's blocks. */
static void
compare_checks_with(const char *name, const char *data, size_t len,
    const mif_check_options *opts)
{
	enum check_split_outcome outcome;
	char *w = checked(data, len, opts, SIZE_MAX, &outcome);
	if (w == NULL)
		return;
	assert_int_equal(outcome, CHECK_SPLIT_NONE);
	for (size_t at = 1;; at++) {
		char *text = checked(data, len, opts, at, &outcome);
		if (outcome == CHECK_SPLIT_NONE) {
			free(text);
			break;
		}
		if (strcmp(text, w) != 0) {
			fprintf(stderr, "%s checked in two at block %zu (outcome "
			    "%d, cap %u): differs from one\n---- one\n%s"
			    "---- two\n%s", name, at, outcome, opts->max_errors,
			    w, text);
			fail();
		}
		free(text);
		checks.splits++;
		checks.taken += outcome == CHECK_SPLIT_TAKEN;
		checks.dropped += outcome == CHECK_SPLIT_DROPPED;
		checks.again += outcome == CHECK_SPLIT_AGAIN;
	}
	free(w);
}

static void
compare_checks(const char *name, const char *data, size_t len)
{
	mif_check_options opts = { .profile = MIF_PROFILE_DMI };

	compare_checks_with(name, data, len, &opts);
	/* a low cap, and the profile's rules after the blocks' */
	opts = (mif_check_options){ .max_errors = 3,
	    .profile = MIF_PROFILE_AUTO };
	compare_checks_with(name, data, len, &opts);
}

static char *
read_file(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (fp == NULL)
		return NULL;
	char *buf = NULL;
	size_t cap = 0, n = 0, got;
	do {
		if (n == cap) {
			cap = cap ? cap * 2 : 4096;
			buf = realloc(buf, cap);
			assert_non_null(buf);
		}
		got = fread(buf + n, 1, cap - n, fp);
		n += got;
	} while (got > 0);
	fclose(fp);
	*len = n;
	return buf;
}

static bool
is_input(const char *name)
{
	static const char *const not[] = { "cmd", "stdout", "stderr", "status" };

	for (size_t i = 0; i < sizeof not / sizeof not[0]; i++)
		if (strcmp(name, not[i]) == 0)
			return false;
	return strncmp(name, "README", 6) != 0 && strstr(name, ".md") == NULL;
}

static size_t files_seen;

typedef void compare_fn(const char *name, const char *data, size_t len);

static void
compare_parses(const char *name, const char *data, size_t len)
{
	compare_all(name, data, len, 0);
}

static void
walk(const char *dir, compare_fn *compare)
{
	DIR *dp = opendir(dir);
	assert_non_null(dp);
	struct dirent *de;
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		struct stat st;
		if (lstat(path, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			walk(path, compare);
		} else if (S_ISREG(st.st_mode) && is_input(de->d_name)) {
			size_t len;
			char *data = read_file(path, &len);
			if (data == NULL)
				continue;
			compare(path, data, len);
			files_seen++;
			free(data);
		}
	}
	closedir(dp);
}

/* Every sample and every tool test's input, split at every START. */
static void
test_every_file(void **state)
{
	(void)state;
	memset(&tally, 0, sizeof tally);
	files_seen = 0;
	walk("samples", compare_parses);
	walk("tests/tools", compare_parses);
	fprintf(stderr, "%zu files, %zu splits: %zu merged, %zu fell back\n",
	    files_seen, tally.splits, tally.merged, tally.fell_back);
	assert_true(files_seen > 300);
	/* the test tests something: most splits of valid files merge */
	assert_true(tally.merged > 200);
	assert_true(tally.fell_back > 200);
}

/* Every sample and every tool test's input, checked in two parts at
 * every block of its component. */
static void
test_every_file_checked(void **state)
{
	(void)state;
	memset(&checks, 0, sizeof checks);
	files_seen = 0;
	walk("samples", compare_checks);
	walk("tests/tools", compare_checks);
	fprintf(stderr, "%zu files checked in two parts at %zu blocks: %zu "
	    "taken, %zu dropped, %zu checked again\n", files_seen,
	    checks.splits, checks.taken, checks.dropped, checks.again);
	assert_true(files_seen > 300);
	assert_true(checks.taken > 1000);
}

/* What the blocks of a component share, across the split: IDs given
 * twice, a named enum and a template after the blocks that use them,
 * tables of a template on either side; and the error cap falling in the
 * first part (the second's diagnostics dropped) and in the second (it is
 * checked again), at every cap and every block. */
static void
test_checks_across_the_split(void **state)
{
	(void)state;
	const char *text = "START COMPONENT\nNAME = \"c\"\n"
	    "START GROUP\nNAME = \"a\"\nID = 1\nCLASS = \"X|a|1\"\n"
	    "START ATTRIBUTE\nNAME = \"e\"\nID = 1\nTYPE = \"Colours\"\n"
	    "VALUE = \"Red\"\nEND ATTRIBUTE\n"
	    "START ATTRIBUTE\nNAME = \"f\"\nID = 2\nTYPE = \"colours\"\n"
	    "VALUE = \"green\"\nEND ATTRIBUTE\nEND GROUP\n"
	    "START TABLE\nNAME = \"t\"\nID = 2\nCLASS = \"T|t|1\"\n"
	    "{1, \"x\"}\n{1, \"y\"}\n{\"z\"}\nEND TABLE\n"
	    "START GROUP\nID = 1\nCLASS = \"X|b\"\nEND GROUP\n"
	    "START GROUP\nNAME = \"t\"\nCLASS = \"T|t|1\"\nKEY = 1\n"
	    "START ATTRIBUTE\nNAME = \"k\"\nID = 1\nTYPE = INTEGER\n"
	    "END ATTRIBUTE\nSTART ATTRIBUTE\nNAME = \"v\"\nID = 2\n"
	    "TYPE = STRING(4)\nVALUE = \"toolong\"\nEND ATTRIBUTE\n"
	    "END GROUP\n"
	    "START TABLE\nNAME = \"u\"\nID = 2\nCLASS = \"T|t|1\"\n"
	    "{2, \"abcdef\"}\n{2, \"q\"}\nEND TABLE\n"
	    "START ENUM\nNAME = \"Colours\"\nTYPE = INTEGER\n0 = \"Red\"\n"
	    "1 = \"Green\"\n1 = \"Blue\"\nEND ENUM\n"
	    "START GROUP\nNAME = \"d\"\nID = 1\nEND GROUP\n"
	    "START PATH\nEND PATH\n"
	    "START GROUP\nNAME = \"e\"\nID = 7\nCLASS = \"X|e|1\"\n"
	    "START ATTRIBUTE\nNAME = \"e\"\nID = 1\nTYPE = \"Colours\"\n"
	    "VALUE = \"Blue\"\nEND ATTRIBUTE\nEND GROUP\n"
	    "END COMPONENT\n";
	size_t len = strlen(text);

	memset(&checks, 0, sizeof checks);
	for (unsigned cap = 0; cap <= 16; cap++) {
		mif_check_options opts = { .max_errors = cap,
		    .profile = MIF_PROFILE_DMI };
		compare_checks_with("crafted", text, len, &opts);
	}
	fprintf(stderr, "crafted: %zu splits: %zu taken, %zu dropped, %zu "
	    "checked again\n", checks.splits, checks.taken, checks.dropped,
	    checks.again);
	assert_true(checks.splits == 17 * 8);
	assert_true(checks.taken > 0);
	assert_true(checks.dropped > 0);
	assert_true(checks.again > 0);

	/* ISO 8859-1 with bytes over 0x7F before the split: the text is
	 * transcoded, and the second part's places count the file's bytes */
	const char *latin1 = "START COMPONENT\nNAME = \"\xe9t\xe9\"\n"
	    "START GROUP\nNAME = \"\xe0\"\nID = 1\nCLASS = \"X|a|1\"\nEND GROUP\n"
	    "START GROUP\nNAME = \"b\"\nID = 1\nCLASS = \"X|b|1\"\nEND GROUP\n"
	    "END COMPONENT\n";
	mif_check_options dmi = { .profile = MIF_PROFILE_DMI };
	memset(&checks, 0, sizeof checks);
	compare_checks_with("latin1", latin1, strlen(latin1), &dmi);
	assert_true(checks.taken > 0);
}

/* ---- crafted texts ------------------------------------------------------- */

#define GROUP(id) \
	"  START GROUP\n    NAME = \"G" #id "\"\n    CLASS = \"C|" #id "\"\n" \
	"    ID = " #id "\n" \
	"    START ATTRIBUTE\n      NAME = \"A\"\n      ID = 1\n" \
	"      TYPE = STRING(8)\n      VALUE = \"v" #id "\"\n" \
	"    END ATTRIBUTE\n  END GROUP\n"

static uint32_t
offset_of(const char *text, const char *needle, int nth)
{
	const char *at = text;
	for (int i = 0; i <= nth; i++) {
		at = strstr(i == 0 ? at : at + 1, needle);
		assert_non_null(at);
	}
	return (uint32_t)(at - text);
}

/* Split at the nth `needle` and expect `want`. */
static void
split_case(const char *text, const char *needle, int nth, unsigned max_errors,
    enum mif_split_outcome want)
{
	size_t len = strlen(text);
	char *w = whole(text, len, max_errors);
	uint32_t at = offset_of(text, needle, nth);

	/* the needle starts after its line's blanks */
	while (text[at] == ' ' || text[at] == '\n')
		at++;
	enum mif_split_outcome got = compare_at("crafted", text, len, at, 0,
	    max_errors, w);
	if (got != want)
		fprintf(stderr, "crafted split at %u: outcome %d, not %d:\n%s",
		    at, got, want, text);
	assert_int_equal(got, want);
	free(w);
}

static void
test_clean_splits_merge(void **state)
{
	(void)state;
	const char *text = "START COMPONENT\n  NAME = \"c\"\n" GROUP(1) GROUP(2)
	    "  // a comment before the split\n" GROUP(3) GROUP(1)
	    "END COMPONENT\n// after\n";
	/* a repeated group ID across the split: the checks see the whole */
	split_case(text, "START GROUP", 2, 0, MIF_SPLIT_MERGED);
	split_case(text, "START GROUP", 1, 0, MIF_SPLIT_MERGED);
	/* a component that never ends: the first part reports it */
	split_case("START COMPONENT\n NAME = \"c\"\n" GROUP(1) GROUP(2),
	    "START GROUP", 1, 0, MIF_SPLIT_MERGED);
	/* a group that never ends, after the split: the second part does */
	split_case("START COMPONENT\n NAME = \"c\"\n" GROUP(1)
	    "START GROUP\n NAME = \"x\"\n", "START GROUP", 1, 0,
	    MIF_SPLIT_MERGED);
	/* END COMPONENT with a group open, then more after it */
	split_case("START COMPONENT\n" GROUP(1) "START GROUP\n NAME = \"x\"\n"
	    "END COMPONENT\nNAME = \"y\"\nSTART GROUP\nEND GROUP\n",
	    "START GROUP", 1, 0, MIF_SPLIT_MERGED);
	/* syntax errors inside the second part, recovered before its end */
	split_case("START COMPONENT\n" GROUP(1) "START GROUP\n NAME = = 3\n"
	    " ID = 4 ID = 5\nEND GROUP\n" GROUP(6) "END COMPONENT\n",
	    "START GROUP", 1, 0, MIF_SPLIT_MERGED);
	/* a comment between START and GROUP at the split */
	split_case("START COMPONENT\n" GROUP(1) "START // here\n GROUP\n"
	    " NAME = \"x\"\nEND GROUP\nEND COMPONENT\n", "START //", 0, 0,
	    MIF_SPLIT_MERGED);
}

static void
test_wrong_guesses_fall_back(void **state)
{
	(void)state;
	/* START GROUP in a comment: no START token at the split */
	split_case("START COMPONENT\n" GROUP(1) "// START GROUP\n" GROUP(2)
	    "END COMPONENT\n", "START GROUP", 1, 0, MIF_SPLIT_FALLBACK);
	/* a group left open before the split; once the wrapper closed it,
	 * the next split is clean */
	const char *open_group = "START COMPONENT\nSTART GROUP\n NAME = \"a\"\n"
	    GROUP(2) GROUP(3) "END COMPONENT\n";
	split_case(open_group, "START GROUP", 1, 0, MIF_SPLIT_FALLBACK);
	split_case(open_group, "START GROUP", 2, 0, MIF_SPLIT_MERGED);
	/* START ENUM as a value after "=" */
	split_case("START COMPONENT\n" GROUP(1) "NAME =\nSTART ENUM\n"
	    "TYPE = INTEGER\n0 = \"a\"\nEND ENUM\n" GROUP(2) "END COMPONENT\n",
	    "START ENUM", 0, 0, MIF_SPLIT_FALLBACK);
	/* the grammar recovering from an error at the split */
	split_case("START COMPONENT\n" GROUP(1) "NAME\nSTART GROUP\nEND GROUP\n"
	    GROUP(2) "END COMPONENT\n", "START GROUP", 1, 0,
	    MIF_SPLIT_FALLBACK);
	/* a statement of the component after the split: it repeats one */
	split_case("START COMPONENT\nNAME = \"a\"\n" GROUP(1) GROUP(2)
	    "NAME = \"b\"\nEND COMPONENT\n", "START GROUP", 1, 0,
	    MIF_SPLIT_FALLBACK);
	/* a message naming the component: START COMPONENT inside it */
	split_case("START COMPONENT\n" GROUP(1) GROUP(2)
	    "START COMPONENT\nEND COMPONENT\nEND COMPONENT\n", "START GROUP", 1,
	    0, MIF_SPLIT_FALLBACK);
	/* START COMPONENT in a block after the split closes every block,
	 * the component among them: the second part cannot know it (the
	 * end of the file then names the component it opened) */
	split_case("START COMPONENT\nSTART GROUP\nSTART COMPONENT", "START GROUP",
	    0, 2, MIF_SPLIT_FALLBACK);
	split_case("START COMPONENT\n NAME = \"a\"\n" GROUP(1) GROUP(2)
	    "START GROUP\nSTART COMPONENT\n" GROUP(3),
	    "START GROUP", 1, 0, MIF_SPLIT_FALLBACK);
	/* the text ends in a statement cut short while the component is
	 * open: its message and the end of the file's are at one place */
	split_case("START COMPONENT\nSTART GROUP\nEND GROUP\n6", "START GROUP",
	    0, 2, MIF_SPLIT_FALLBACK);
	split_case("START COMPONENT\nSTART GROUP\nEND GROUP\nCLASS=\"", "START GROUP",
	    0, 0, MIF_SPLIT_FALLBACK);
	/* the second part ends recovering, and the file goes on */
	split_case("START COMPONENT\n" GROUP(1) GROUP(2)
	    "NAME = END COMPONENT\n= = 3\nSTART COMPONENT\n", "START GROUP", 1,
	    0, MIF_SPLIT_FALLBACK);
	/* a split inside a group (START ATTRIBUTE is no top-level block;
	 * START TABLE in a group cannot stand there) */
	split_case("START COMPONENT\nSTART GROUP\n NAME = \"a\"\n"
	    "START TABLE\nEND TABLE\nEND GROUP\nEND COMPONENT\n", "START TABLE",
	    0, 0, MIF_SPLIT_FALLBACK);
}

/* The error cap counts the first part's errors with the second's. */
static void
test_error_cap_across_the_split(void **state)
{
	(void)state;
	const char *text = "START COMPONENT\n"
	    "START GROUP\nID = -1\nID = -2\nID = -3\nEND GROUP\n"
	    "START GROUP\nID = -4\nID = -5\nEND GROUP\n"
	    "START GROUP\nID = -6\nEND GROUP\nEND COMPONENT\n";
	/* 3 + 2 + 1 errors: a cap of 4 falls in the second part */
	split_case(text, "START GROUP", 1, 4, MIF_SPLIT_FALLBACK);
	/* a cap of 3 is reached before the split: never reached */
	split_case(text, "START GROUP", 1, 3, MIF_SPLIT_FALLBACK);
	/* a cap the whole stays under */
	split_case(text, "START GROUP", 1, 7, MIF_SPLIT_MERGED);
	/* exactly at the cap: six errors, stopping at the seventh */
	split_case(text, "START GROUP", 2, 6, MIF_SPLIT_MERGED);
}

/* A big input is looked at for its ^Z and its bytes over 0x7F in two
 * halves, one per core: the text ends at the first ^Z, and only the
 * bytes before it decide how the text is read, as with one thread. */
static void
test_big_input_halves(void **state)
{
	(void)state;
	const char *group = "START GROUP\nNAME = \"G\"\nID = 2\n"
	    "CLASS = \"X|g|1\"\nEND GROUP\n";
	size_t glen = strlen(group), n = (5u << 20) / glen;
	size_t len = strlen("START COMPONENT\n") + n * glen;
	char *text = malloc(len + 1);
	assert_non_null(text);
	strcpy(text, "START COMPONENT\n");
	for (size_t i = 0; i < n; i++)
		memcpy(text + strlen("START COMPONENT\n") + i * glen, group, glen);
	/* a place inside a NAME: where a byte changes no token's kind */
	size_t q1 = (size_t)(strstr(text + len / 4, "= \"G") - text) + 3;
	size_t q3 = (size_t)(strstr(text + len / 4 * 3, "= \"G") - text) + 3;
	const struct { size_t z, high; } cases[] = {
		{ SIZE_MAX, SIZE_MAX }, { q1, SIZE_MAX }, { q3, SIZE_MAX },
		{ SIZE_MAX, q3 }, { SIZE_MAX, q1 }, { q1, q3 }, { q3, q1 },
		{ q3 - 3 * glen, q3 },
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		char *t = malloc(len);
		assert_non_null(t);
		memcpy(t, text, len);
		if (cases[k].z != SIZE_MAX)
			t[cases[k].z] = 0x1A;
		if (cases[k].high != SIZE_MAX)
			t[cases[k].high] = (char)0xE9;
		char *dumps[2];
		size_t text_len[2];
		bool transcoded[2], eof_mark[2];
		for (unsigned threads = 1; threads <= 2; threads++) {
			mif_parse_options o = { .threads = threads };
			mif_doc *doc = mif_parse_buffer(t, len, &o, NULL);
			assert_non_null(doc);
			bool canonical;
			dumps[threads - 1] = dump_doc(doc, &canonical);
			text_len[threads - 1] = doc->text_len;
			transcoded[threads - 1] = doc->transcoded;
			eof_mark[threads - 1] = doc->eof_mark;
			mif_doc_free(doc);
		}
		assert_string_equal(dumps[0], dumps[1]);
		assert_int_equal(text_len[0], text_len[1]);
		assert_int_equal(transcoded[0], transcoded[1]);
		assert_int_equal(eof_mark[0], eof_mark[1]);
		assert_int_equal(eof_mark[0], cases[k].z != SIZE_MAX);
		assert_int_equal(transcoded[0], cases[k].high < cases[k].z);
		free(dumps[0]);
		free(dumps[1]);
		free(t);
	}
	free(text);
}

/* A big text is split near its middle by default, and not with one
 * thread; a small one is not split. */
static void
test_default_split(void **state)
{
	(void)state;
	size_t n = 0, cap = 0;
	char *text = NULL;
	FILE *fp = open_memstream(&text, &cap);
	fputs("START COMPONENT\nNAME = \"big\"\n", fp);
	for (int i = 0; i < 2000; i++)
		fprintf(fp, "START GROUP\nNAME = \"G\"\nID = %d\nCLASS = \"X|%d\"\n"
		    "START ATTRIBUTE\nNAME = \"A\"\nID = 1\nTYPE = INTEGER\n"
		    "VALUE = %d\nEND ATTRIBUTE\nEND GROUP\n", i + 1, i, i);
	fputs("END COMPONENT\n", fp);
	fclose(fp);
	n = strlen(text);
	char *w = whole(text, n, 0);
	enum mif_split_outcome outcome;
	assert_int_equal(compare_at("big", text, n, MIF_NOPOS, n, 0, w),
	    MIF_SPLIT_MERGED);
	assert_int_equal(compare_at("big", text, n, MIF_NOPOS, n + 1, 0, w),
	    MIF_SPLIT_NONE);
	/* threads = 1: whole */
	mif_doc *doc = parse(text, n, MIF_NOPOS, SIZE_MAX, 0, &outcome);
	assert_int_equal(outcome, MIF_SPLIT_NONE);
	mif_doc_free(doc);
	free(w);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clean_splits_merge),
		cmocka_unit_test(test_wrong_guesses_fall_back),
		cmocka_unit_test(test_error_cap_across_the_split),
		cmocka_unit_test(test_default_split),
		cmocka_unit_test(test_big_input_halves),
		cmocka_unit_test(test_every_file),
		cmocka_unit_test(test_every_file_checked),
		cmocka_unit_test(test_checks_across_the_split),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
