/*
 * Bump allocation in chunks: a document's nodes and strings are many and
 * small, live exactly as long as the document, and are freed at once.
 */
/* MAP_POPULATE and MAP_ANONYMOUS, where the system has them */
#define _DEFAULT_SOURCE

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "lang/internal.h"

struct mif_arena_chunk {
	mif_arena_chunk *prev;
	size_t size;     /* of the whole chunk, header included */
	bool mapped;     /* by mmap(), else malloc() */
	/* payload follows, 8-aligned */
};

enum { CHUNK_MIN = 64 * 1024, ALIGN = 8 };

/* Blocks this big come straight from the kernel, mapped in full at once
 * (MAP_POPULATE): a big parse fills every byte of them, and taking their
 * pages one fault at a time was most of its time in the kernel. */
#define BIG_CHUNK ((size_t)4 * 1024 * 1024)

static mif_arena_chunk *
chunk_new(size_t size)
{
	mif_arena_chunk *c;
#if defined(MAP_ANONYMOUS) && defined(MAP_POPULATE)
	if (size >= BIG_CHUNK) {
		c = mmap(NULL, size, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
		if (c == MAP_FAILED)
			return NULL;
		c->mapped = true;
		c->size = size;
		return c;
	}
#endif
	c = malloc(size);
	if (c != NULL) {
		c->mapped = false;
		c->size = size;
	}
	return c;
}

static void
chunk_free(mif_arena_chunk *c)
{
	if (c->mapped)
		munmap(c, c->size);
	else
		free(c);
}

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
		chunk_free(c);
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
			want = 16u * 1024 * 1024 - sizeof(mif_arena_chunk);
		if (want < size)
			want = size;
		mif_arena_chunk *c = chunk_new(sizeof *c + want);
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

void
mif_arena_adopt(mif_arena *arena, mif_arena *from)
{
	mif_arena_chunk *last = from->head;

	if (last == NULL)
		return;
	while (last->prev != NULL)
		last = last->prev;
	/* under the head, which keeps its free space */
	if (arena->head != NULL) {
		last->prev = arena->head->prev;
		arena->head->prev = from->head;
	} else {
		arena->head = from->head;
		arena->next = from->next;
		arena->limit = from->limit;
	}
	mif_arena_init(from);
}

mif_arena_mark
mif_arena_mark_now(const mif_arena *arena)
{
	return (mif_arena_mark){ arena->head, arena->next };
}

void
mif_arena_rewind(mif_arena *arena, mif_arena_mark mark)
{
	while (arena->head != mark.head) {
		mif_arena_chunk *prev = arena->head->prev;
		chunk_free(arena->head);
		arena->head = prev;
	}
	if (arena->head == NULL) {
		mif_arena_init(arena);
		return;
	}
	arena->next = mark.next;
	arena->limit = (char *)arena->head + arena->head->size;
}
