/*
 * Unified diffs (udiff.h).  Each distinct line gets a number, so that
 * the comparison compares numbers; a line that only one side has cannot
 * be common to both and is marked changed before the comparison, which
 * then works on the rest only (as GNU diff discards such lines: a
 * change of every line's end costs no search at all).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lcs.h"
#include "udiff.h"

enum { CONTEXT = 3 };

typedef struct side {
	const char *text;
	size_t nlines;
	size_t *start;      /* line i is text[start[i] .. start[i + 1]) */
	uint32_t *id;       /* its number: equal lines, equal numbers */
	bool *changed;
} side;

/* Lines by content, to number them: open addressing over line indexes
 * of either side (side 0 below 2^63, side 1 above). */
typedef struct numbering {
	const side *s[2];
	size_t *slot;       /* 0 empty, else 1 + (side << 63 | line) */
	uint32_t *count[2]; /* lines of each number on each side */
	size_t mask;
	uint32_t next;
} numbering;

#define SIDE_BIT ((size_t)1 << (sizeof(size_t) * 8 - 1))

static bool
split_lines(side *s, const char *text, size_t len)
{
	size_t n = 0;

	for (const char *p = text; p != NULL && p < text + len; n++) {
		p = memchr(p, '\n', (size_t)(text + len - p));
		if (p != NULL)
			p++;
	}
	s->text = text;
	s->nlines = n;
	s->start = malloc((n + 1) * sizeof *s->start);
	s->id = malloc((n + 1) * sizeof *s->id);
	s->changed = calloc(n + 1, sizeof *s->changed);
	if (s->start == NULL || s->id == NULL || s->changed == NULL)
		return false;
	size_t at = 0;
	for (size_t i = 0; i < n; i++) {
		s->start[i] = at;
		const char *nl = memchr(text + at, '\n', len - at);
		at = nl != NULL ? (size_t)(nl - text) + 1 : len;
	}
	s->start[n] = len;
	return true;
}

static size_t
line_len(const side *s, size_t i)
{
	return s->start[i + 1] - s->start[i];
}

static uint64_t
line_hash(const side *s, size_t i)
{
	uint64_t h = 0xCBF29CE484222325u;
	const unsigned char *p = (const unsigned char *)s->text + s->start[i];

	for (size_t k = 0; k < line_len(s, i); k++)
		h = (h ^ p[k]) * 0x100000001B3u;
	return h ^ (h >> 29);
}

static bool
same_line(const side *a, size_t i, const side *b, size_t j)
{
	return line_len(a, i) == line_len(b, j) && memcmp(a->text + a->start[i],
	    b->text + b->start[j], line_len(a, i)) == 0;
}

static bool
number_lines(numbering *nb, side *old, side *new_side)
{
	size_t total = old->nlines + new_side->nlines, cap = 16;

	while (cap / 2 < total)
		cap *= 2;
	nb->s[0] = old;
	nb->s[1] = new_side;
	nb->mask = cap - 1;
	nb->slot = calloc(cap, sizeof *nb->slot);
	nb->count[0] = calloc(total + 1, sizeof *nb->count[0]);
	nb->count[1] = calloc(total + 1, sizeof *nb->count[1]);
	if (nb->slot == NULL || nb->count[0] == NULL || nb->count[1] == NULL)
		return false;
	for (size_t k = 0; k < 2; k++) {
		side *s = k == 0 ? old : new_side;
		for (size_t i = 0; i < s->nlines; i++) {
			size_t h = (size_t)line_hash(s, i) & nb->mask;
			for (;; h = (h + 1) & nb->mask) {
				size_t v = nb->slot[h];
				if (v == 0) {
					nb->slot[h] = 1 + ((k != 0 ? SIDE_BIT : 0) | i);
					s->id[i] = nb->next++;
					break;
				}
				size_t line = (v - 1) & ~SIDE_BIT;
				const side *o = nb->s[((v - 1) & SIDE_BIT) != 0];
				if (same_line(o, line, s, i)) {
					s->id[i] = o->id[line];
					break;
				}
			}
			nb->count[k][s->id[i]]++;
		}
	}
	return true;
}

/* The lines of s that the other side also has, by number, into kept
 * (their indexes into where); the others are changed. */
static size_t
keep_shared(side *s, const uint32_t *other_count, uint32_t *kept,
    size_t *where)
{
	size_t n = 0;

	for (size_t i = 0; i < s->nlines; i++) {
		if (other_count[s->id[i]] == 0) {
			s->changed[i] = true;
			continue;
		}
		kept[n] = s->id[i];
		where[n++] = i;
	}
	return n;
}

static bool
mark_changes(side *old, side *new_side, const numbering *nb)
{
	size_t total = old->nlines + new_side->nlines + 2;
	uint32_t *kept = malloc(total * sizeof *kept);
	size_t *where = malloc(total * sizeof *where);
	bool *changed = calloc(total, sizeof *changed);
	bool ok = kept != NULL && where != NULL && changed != NULL;

	if (ok) {
		size_t na = keep_shared(old, nb->count[1], kept, where);
		size_t nn = keep_shared(new_side, nb->count[0], kept + na,
		    where + na);
		ok = lcs_mark(kept, na, kept + na, nn, changed, changed + na);
		for (size_t i = 0; ok && i < na; i++)
			old->changed[where[i]] |= changed[i];
		for (size_t j = 0; ok && j < nn; j++)
			new_side->changed[where[na + j]] |= changed[na + j];
	}
	free(kept);
	free(where);
	free(changed);
	return ok;
}

/* ---- printing ---- */

static void
put_line(FILE *out, char mark, const side *s, size_t i)
{
	size_t n = line_len(s, i);

	putc(mark, out);
	fwrite(s->text + s->start[i], 1, n, out);
	if (n == 0 || s->text[s->start[i] + n - 1] != '\n')
		fputs("\n\\ No newline at end of file\n", out);
}

/* "START,COUNT" as diff -u writes it: COUNT 1 left out, and for an empty
 * range the line before it. */
static void
put_range(FILE *out, char sign, size_t first, size_t count)
{
	if (count == 1)
		fprintf(out, " %c%zu", sign, first + 1);
	else
		fprintf(out, " %c%zu,%zu", sign, count == 0 ? first : first + 1,
		    count);
}

/* The first line pair at or after (*i, *j) where a change starts;
 * false at the end. */
static bool
next_change(const side *a, const side *b, size_t *i, size_t *j)
{
	while (*i < a->nlines && *j < b->nlines && !a->changed[*i] &&
	    !b->changed[*j])
		(*i)++, (*j)++;
	return *i < a->nlines || *j < b->nlines;
}

/* Past the changed lines that start at (*i, *j). */
static void
skip_change(const side *a, const side *b, size_t *i, size_t *j)
{
	while (*i < a->nlines && a->changed[*i])
		(*i)++;
	while (*j < b->nlines && b->changed[*j])
		(*j)++;
}

/* One hunk from the change at (i, j): it takes in every later change
 * less than 2 * CONTEXT unchanged lines away.  Returns where it ends. */
static void
put_hunk(FILE *out, const side *a, const side *b, size_t *pi, size_t *pj)
{
	size_t lead = *pi < CONTEXT ? *pi : CONTEXT;
	if (*pj < lead)
		lead = *pj;
	size_t i0 = *pi - lead, j0 = *pj - lead, i = *pi, j = *pj;
	size_t end_i, end_j;

	for (;;) {
		skip_change(a, b, &i, &j);
		size_t gi = i, gj = j;
		bool more = next_change(a, b, &gi, &gj);
		if (!more || gi - i > 2 * CONTEXT) {
			size_t tail = a->nlines - i < CONTEXT ? a->nlines - i : CONTEXT;
			end_i = i + tail;
			end_j = j + tail;
			break;
		}
		i = gi;
		j = gj;
	}
	fputs("@@", out);
	put_range(out, '-', i0, end_i - i0);
	put_range(out, '+', j0, end_j - j0);
	fputs(" @@\n", out);
	for (i = i0, j = j0; i < end_i || j < end_j;) {
		if (i < end_i && a->changed[i])
			put_line(out, '-', a, i++);
		else if (j < end_j && b->changed[j])
			put_line(out, '+', b, j++);
		else {
			put_line(out, ' ', a, i++);
			j++;
		}
	}
	*pi = end_i;
	*pj = end_j;
}

bool
udiff_write(FILE *out, const char *old_label, const char *old,
    size_t old_len, const char *new_label, const char *new_text,
    size_t new_len)
{
	side a = { 0 }, b = { 0 };
	numbering nb = { 0 };
	bool ok = split_lines(&a, old, old_len) &&
	    split_lines(&b, new_text, new_len) && number_lines(&nb, &a, &b) &&
	    mark_changes(&a, &b, &nb);

	size_t i = 0, j = 0;
	if (ok && next_change(&a, &b, &i, &j)) {
		fprintf(out, "--- %s\n+++ %s\n", old_label, new_label);
		do
			put_hunk(out, &a, &b, &i, &j);
		while (next_change(&a, &b, &i, &j));
	}
	free(nb.slot);
	free(nb.count[0]);
	free(nb.count[1]);
	for (side *s = &a; s != NULL; s = s == &a ? &b : NULL) {
		free(s->start);
		free(s->id);
		free(s->changed);
	}
	return ok;
}
