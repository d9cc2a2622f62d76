/*
 * JSON parsed a value at a time: see json_slices.h.  The scanner follows
 * strings and brackets only, to find where a member's value and an
 * array's elements begin and end; jansson parses the rest and every
 * element, and so says what is wrong.  Blanks between tokens are left
 * out of the text it is given.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "forms/internal.h"
#include "lang/buf.h"
#include "forms/json_slices.h"

/* An array shorter than this is parsed with its object: parsing an
 * element on its own costs more than the memory it saves. */
#define LAZY_MIN 4096

/* Nesting the scanner follows: below jansson's own limit (2048), so
 * that what jansson would refuse for depth is left to it. */
#define SCAN_MAX_DEPTH 2000

size_t
mif_json_skip_blanks(const char *t, size_t i, size_t end)
{
	while (i < end && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' ||
	    t[i] == '\r'))
		i++;
	return i;
}

bool
mif_json_skip_string(const char *t, size_t *i, size_t end)
{
	size_t j = *i + 1;

	while (j < end) {
		const char *q = memchr(t + j, '"', end - j);
		if (q == NULL)
			return false;
		size_t k = (size_t)(q - t), n = 0;
		while (k - n > j && t[k - n - 1] == '\\')
			n++;
		j = k + 1;
		if (n % 2 == 0) { /* not escaped */
			*i = j;
			return true;
		}
	}
	return false;
}

bool
mif_json_skip_value(const char *t, size_t *i, size_t end)
{
	size_t j = *i;
	int depth = 0;

	if (j >= end)
		return false;
	if (t[j] != '{' && t[j] != '[' && t[j] != '"') {
		/* a number or a word: to the next delimiter */
		while (j < end && strchr(",:}] \t\r\n[{\"", t[j]) == NULL)
			j++;
		if (j == *i)
			return false;
		*i = j;
		return true;
	}
	do {
		if (j >= end)
			return false;
		switch (t[j]) {
		case '"':
			if (!mif_json_skip_string(t, &j, end))
				return false;
			continue;
		case '{':
		case '[':
			if (++depth > SCAN_MAX_DEPTH)
				return false;
			break;
		case '}':
		case ']':
			depth--;
			break;
		default:
			break;
		}
		j++;
	} while (depth > 0);
	*i = j;
	return true;
}

/* The key of keys that text [start, end) spells, or NULL (a key with
 * escapes is never one: its array stays in). */
static const char *
named(const char *t, size_t start, size_t end, const char *const *keys)
{
	size_t n = end - start;

	for (size_t k = 0; keys[k] != NULL; k++)
		if (strlen(keys[k]) == n && memcmp(t + start, keys[k], n) == 0)
			return keys[k];
	return NULL;
}

/* Room for one more entry; false when memory ran out. */
static bool
grow(void **v, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return true;
	size_t want = *cap != 0 ? *cap * 2 : 16;
	void *p = realloc(*v, want * size);
	if (p == NULL)
		return false;
	*v = p;
	*cap = want;
	return true;
}

/* The elements of the array at *i, into e; false as mif_json_skip_value(). */
static bool
elements(const char *t, size_t *i, size_t end, mif_json_lazy *e,
    bool *nomem)
{
	size_t j = mif_json_skip_blanks(t, *i + 1, end), cap = 0;

	if (j < end && t[j] == ']') {
		*i = j + 1;
		return true;
	}
	for (;;) {
		size_t start = j;
		if (!mif_json_skip_value(t, &j, end))
			return false;
		if (!grow((void **)&e->elems, &cap, e->n, sizeof *e->elems)) {
			*nomem = true;
			return false;
		}
		e->elems[e->n++] = (mif_json_slice){ start, j };
		j = mif_json_skip_blanks(t, j, end);
		if (j < end && t[j] == ']') {
			*i = j + 1;
			return true;
		}
		if (j >= end || t[j] != ',')
			return false;
		j = mif_json_skip_blanks(t, j + 1, end);
	}
}

/* The object at [i, end) with the arrays of `keys` emptied, into out;
 * the arrays left out appended to lazies, with their keys and no array
 * yet.  False when the scanner cannot follow the text or memory ran
 * out (lazies->nomem). */
static bool
skeleton(const char *t, size_t i, size_t end, const char *const *keys,
    mif_buf *out, mif_json_lazies *lazies)
{
	mif_buf_putc(out, '{');
	i = mif_json_skip_blanks(t, i + 1, end);
	if (i < end && t[i] == '}')
		goto close;
	for (;;) {
		size_t ks = i;
		if (i >= end || t[i] != '"' || !mif_json_skip_string(t, &i, end))
			return false;
		size_t ke = i;
		i = mif_json_skip_blanks(t, i, end);
		if (i >= end || t[i] != ':')
			return false;
		i = mif_json_skip_blanks(t, i + 1, end);
		size_t vs = i;
		const char *key = named(t, ks + 1, ke - 1, keys);
		mif_buf_put(out, t + ks, ke - ks);
		mif_buf_putc(out, ':');
		if (vs < end && t[vs] == '[' && key != NULL) {
			if (!grow((void **)&lazies->v, &lazies->cap, lazies->n,
			    sizeof *lazies->v)) {
				lazies->nomem = true;
				return false;
			}
			mif_json_lazy *e = &lazies->v[lazies->n++];
			*e = (mif_json_lazy){ NULL, key, NULL, 0 };
			if (!elements(t, &i, end, e, &lazies->nomem))
				return false;
			if (i - vs < LAZY_MIN) { /* small: parsed with the rest */
				free(e->elems);
				lazies->n--;
				mif_buf_put(out, t + vs, i - vs);
			} else {
				mif_buf_puts(out, "[]");
			}
		} else {
			if (!mif_json_skip_value(t, &i, end))
				return false;
			mif_buf_put(out, t + vs, i - vs);
		}
		i = mif_json_skip_blanks(t, i, end);
		if (i >= end || t[i] != ',')
			break;
		mif_buf_putc(out, ',');
		i = mif_json_skip_blanks(t, i + 1, end);
	}
	if (i >= end || t[i] != '}')
		return false;
close:
	mif_buf_putc(out, '}');
	if (out->nomem) {
		lazies->nomem = true;
		return false;
	}
	return mif_json_skip_blanks(t, i + 1, end) == end;
}

json_t *
mif_json_load_slice(const char *text, mif_json_slice s,
    const char *const *keys, size_t flags, mif_json_lazies *lazies)
{
	size_t i = mif_json_skip_blanks(text, s.start, s.end), from = lazies->n;
	json_error_t error;

	if (i >= s.end || text[i] != '{')
		return json_loadb(text + s.start, s.end - s.start, flags, &error);
	mif_buf out = { NULL, 0, 0, false };
	json_t *v = NULL;
	if (skeleton(text, i, s.end, keys, &out, lazies))
		v = json_loadb(out.data, out.len, flags, &error);
	free(out.data);
	for (size_t k = from; v != NULL && k < lazies->n; k++) {
		mif_json_lazy *e = &lazies->v[k];
		e->array = json_object_get(v, e->key);
	}
	if (v == NULL)
		mif_json_lazies_drop(lazies, from);
	return v;
}
bool
mif_json_slices_parse(const char *text, mif_json_slice s,
    const char *const *keys, size_t flags, mif_json_lazies *lazies)
{
	size_t from = lazies->n;
	json_t *v = mif_json_load_slice(text, s, keys, flags, lazies);
	bool ok = v != NULL;

	/* lazies->v moves as the elements append to it */
	for (size_t k = from; ok && k < lazies->n; k++)
		for (size_t i = 0; ok && i < lazies->v[k].n; i++)
			ok = mif_json_slices_parse(text, lazies->v[k].elems[i],
			    keys, flags | JSON_DECODE_ANY, lazies);
	json_decref(v);
	mif_json_lazies_drop(lazies, from);
	return ok;
}

const mif_json_lazy *
mif_json_lazy_find(const mif_json_lazies *lazies, const json_t *array)
{
	for (size_t k = lazies->n; array != NULL && k-- > 0;)
		if (lazies->v[k].array == array)
			return &lazies->v[k];
	return NULL;
}

void
mif_json_lazies_drop(mif_json_lazies *lazies, size_t from)
{
	while (lazies->n > from)
		free(lazies->v[--lazies->n].elems);
}
