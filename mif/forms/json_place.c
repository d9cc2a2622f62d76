/*
 * Where a value stands in JSON text.  jansson keeps no places, so the
 * JSON reader names the value a problem is about by its path, as jq
 * writes one (".groups[0].id"); this finds that value again in the text
 * by scanning it, so that the problem also gets its line and column.
 * It runs only for a problem, once each, over text that jansson has
 * parsed; any surprise just means "no place".
 */
#include <stdlib.h>
#include <string.h>

#include "forms/json_place.h"
#include "forms/json_slices.h"

/* The shared scanner (json_slices.h), len standing for "not there". */
static size_t
skip_blanks(const char *t, size_t len, size_t i)
{
	return mif_json_skip_blanks(t, i, len);
}

static size_t
skip_string(const char *t, size_t len, size_t i)
{
	return mif_json_skip_string(t, &i, len) ? i : len;
}

static size_t
skip_value(const char *t, size_t len, size_t i)
{
	return mif_json_skip_value(t, &i, len) ? i : len;
}

/* After a value or a key: past the blanks and the separator c; len when
 * it is not there. */
static size_t
expect(const char *t, size_t len, size_t i, char c)
{
	i = skip_blanks(t, len, i);
	return i < len && t[i] == c ? skip_blanks(t, len, i + 1) : len;
}

/* The value of member `key` (key_len bytes, as written between the
 * quotes) of the object at t[i]; len when there is none. */
static size_t
member(const char *t, size_t len, size_t i, const char *key, size_t key_len)
{
	if (i >= len || t[i] != '{')
		return len;
	i = skip_blanks(t, len, i + 1);
	while (i < len && t[i] == '"') {
		size_t end = skip_string(t, len, i);
		bool hit = end - i - 2 == key_len &&
		    memcmp(t + i + 1, key, key_len) == 0;
		if ((i = expect(t, len, end, ':')) == len || hit)
			return i;
		i = skip_value(t, len, i);
		if ((i = expect(t, len, i, ',')) == len)
			return len;
	}
	return len;
}

/* Element n of the array at t[i]; len when there is none. */
static size_t
element(const char *t, size_t len, size_t i, unsigned long n)
{
	if (i >= len || t[i] != '[')
		return len;
	i = skip_blanks(t, len, i + 1);
	if (i < len && t[i] == ']')
		return len;
	for (; n > 0; n--) {
		i = skip_value(t, len, i);
		if ((i = expect(t, len, i, ',')) == len)
			return len;
	}
	return i;
}

size_t
mif_json_place(const char *text, size_t len, const char *path)
{
	size_t i = skip_blanks(text, len, 0);
	const char *p = path;

	if (strcmp(p, ".") == 0)
		return i < len ? i : SIZE_MAX;
	while (*p != '\0' && i < len) {
		if (p[0] == '.') {
			size_t n = strcspn(p + 1, ".[");
			i = member(text, len, i, p + 1, n);
			p += 1 + n;
		} else if (p[0] == '[' && p[1] == '"') {
			const char *end = strstr(p + 2, "\"]");
			if (end == NULL)
				return SIZE_MAX;
			i = member(text, len, i, p + 2, (size_t)(end - p - 2));
			p = end + 2;
		} else if (p[0] == '[') {
			char *end;
			unsigned long n = strtoul(p + 1, &end, 10);
			if (end == p + 1 || *end != ']')
				return SIZE_MAX;
			i = element(text, len, i, n);
			p = end + 1;
		} else {
			return SIZE_MAX;
		}
	}
	return *p == '\0' && i < len ? i : SIZE_MAX;
}
