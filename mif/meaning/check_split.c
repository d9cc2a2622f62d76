/*
 * Checking a big component's blocks in two parts, one per core, after a
 * parse that had two (parse_split.h).
 *
 * What a block's checks share with the others is known before the walk
 * (check.c's first pass: paths, named enums, templates, group 1, the IDs
 * that repeat), but for two things, made ready here first: the
 * templates, laid out once, and the enums' indexes, built on first use
 * under a lock.
 * The second part's thread writes its diagnostics to a document of its
 * own, over the same text; they are appended after the first part's,
 * which come before them in a whole walk.  When the first part stopped
 * (the error cap, out of memory) they are dropped, and when the cap
 * falls among them, counted after the first part's, the second part is
 * checked again after the first, as a whole walk would: the diagnostics
 * are the same, in the same order.
 */
#include <pthread.h>

#include "meaning/check.h"

typedef struct check_part {
	check_ctx c;
	const mif_block *from;
} check_part;

static void *
second_main(void *arg)
{
	check_part *part = arg;

	check_children(&part->c, part->from, NULL);
	return NULL;
}

/* The block at index `at` of the component, or the first at or past the
 * middle of the text (found by the first pass); NULL when there is none
 * after the first. */
static const mif_block *
second_from(const check_ctx *c, size_t at)
{
	const mif_block *b = c->component->u.children;

	if (at == SIZE_MAX)
		b = c->middle;
	else
		for (size_t i = 0; b != NULL && i < at; i++)
			b = b->next;
	return b != c->component->u.children ? b : NULL;
}

/* What both parts read must be ready before they start; false when out
 * of memory (then the walk is whole, as it was). */
static bool
make_ready(check_ctx *c)
{
	for (size_t i = 0; i < c->ntmpl; i++)
		if (!check_template_ready(c, c->tmpl_list[i]))
			return false;
	return true;
}

/* The second part's diagnostics after the first's, or the second part
 * checked again where they would not be the whole walk's. */
static enum check_split_outcome
take_second(check_ctx *c, check_part *part)
{
	if (c->stop)
		return CHECK_SPLIT_DROPPED;
	if (!mif_diags_cross_cap(c->doc, part->c.sink) &&
	    mif_diags_append(c->doc, part->c.sink)) {
		c->stop = part->c.stop; /* out of memory */
		return CHECK_SPLIT_TAKEN;
	}
	check_children(c, part->from, NULL);
	return CHECK_SPLIT_AGAIN;
}

enum check_split_outcome
check_children_split(check_ctx *c, size_t split_min, size_t split_at)
{
	const mif_block *first = c->component->u.children;
	const mif_block *from = NULL;
	pthread_mutex_t lock;
	pthread_t thread;
	check_part part;

	if (!c->stop && (split_at != SIZE_MAX ||
	    (c->doc->threads != 1 && c->doc->text_len >= split_min)))
		from = second_from(c, split_at);
	if (from == NULL || !make_ready(c)) {
		check_children(c, first, NULL);
		return CHECK_SPLIT_NONE;
	}
	part = (check_part){ .c = *c, .from = from };
	part.c.owner = c;
	part.c.sink = mif_doc_view_new(c->doc);
	if (part.c.sink == NULL || pthread_mutex_init(&lock, NULL) != 0) {
		mif_doc_view_free(part.c.sink);
		check_children(c, first, NULL);
		return CHECK_SPLIT_NONE;
	}
	c->enums_lock = &lock;
	if (pthread_create(&thread, NULL, second_main, &part) != 0) {
		c->enums_lock = NULL;
		pthread_mutex_destroy(&lock);
		mif_doc_view_free(part.c.sink);
		check_children(c, first, NULL);
		return CHECK_SPLIT_NONE;
	}
	check_children(c, first, from);
	pthread_join(thread, NULL);
	c->enums_lock = NULL;
	pthread_mutex_destroy(&lock);
	enum check_split_outcome outcome = take_second(c, &part);
	mif_doc_view_free(part.c.sink);
	return outcome;
}
