/*
 * Bump allocation in chunks: a document's nodes and strings are many and
 * small, live exactly as long as the document, and are freed at once.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct mif_arena_chunk {
	mif_arena_chunk *prev;
	/* payload follows, 8-aligned */
};

enum { CHUNK_MIN = 64 * 1024, ALIGN = 8 };

void
mif_arena_init(mif_arena *arena)
{
	arena->head = NULL;
	arena->next = arena->limit = NULL;
}

void
mif_arena_release(mif_arena *arena)
{
	mif_arena_chunk *c = arena->head;

	while (c != NULL) {
		mif_arena_chunk *prev = c->prev;
		free(c);
		c = prev;
	}
	mif_arena_init(arena);
}

void *
mif_arena_alloc(mif_arena *arena, size_t size)
{
	size = (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	if (size == 0)
		size = ALIGN;
	if ((size_t)(arena->limit - arena->next) < size) {
		/* Chunks grow with the arena so that big documents need few. */
		size_t want = CHUNK_MIN;
		if (arena->head != NULL)
			want = (size_t)(arena->limit - (char *)(arena->head + 1)) * 2;
		if (want > 16u * 1024 * 1024)
			want = 16u * 1024 * 1024;
		if (want < size)
			want = size;
		mif_arena_chunk *c = malloc(sizeof *c + want);
		if (c == NULL)
			return NULL;
		c->prev = arena->head;
		arena->head = c;
		arena->next = (char *)(c + 1);
		arena->limit = arena->next + want;
	}
	void *p = arena->next;
	arena->next += size;
	return p;
}

void *
mif_arena_dup(mif_arena *arena, const void *src, size_t n)
{
	void *p = mif_arena_alloc(arena, n);

	if (p != NULL && n > 0)
		memcpy(p, src, n);
	return p;
}
