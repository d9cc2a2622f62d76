/*
 * Parsing in two parts, one per core (see parse_split.h for the idea).
 *
 * Threads are POSIX threads, not C11's thrd_create(): glibc's
 * thrd_create() starts the thread without going through
 * pthread_create(), where ThreadSanitizer learns of new threads, and the
 * library is POSIX already (mmap, getrandom).
 *
 * The second part keeps all it makes in a document of its own (arena,
 * strings, diagnostics, comments, damaged blocks) over the first's
 * text, which both only read.  The first part reads that document only
 * after joining the thread.  Merging moves the arena's chunks, gives
 * each of the second part's strings the first part's copy of its text
 * when there is one (strings of a document are compared by pointer), and
 * appends the rest in order: everything of the second part lies after
 * everything of the first.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "lang/parse.h"
#include "mif.tab.h"

/* A string of the second part whose text the first part had already:
 * its len says so, its bytes hold the first part's copy. */
#define FORWARDED UINT32_MAX

typedef struct second_part {
	mif_doc *doc;          /* its own, over the first part's text */
	uint32_t at;
	atomic_bool cancel;    /* the first part needs it no more */
	atomic_bool look_failed; /* either part's deferred look found one */
	/* its outcome, read by the first part once joined */
	bool ran;              /* to its stop, without running out of memory */
	bool needs_first;      /* it said something it could not know */
	bool recovering;       /* from a syntax error, when its component closed */
	int stop;              /* enum mif_split_stop */
	mif_loc stop_loc;
	uint32_t resume;       /* where the first part scans on */
	uint32_t last_error_pos;
} second_part;

enum { ROLE_FIRST, ROLE_SECOND };

struct mif_split {
	int role;
	second_part *second;   /* the first's: the part it waits for */
	/* the first part's */
	pthread_t thread;
	bool running;          /* started and not joined */
	bool reached;          /* its scanner reached the split */
	bool at_ok;            /* ... at a START there, as a whole parse would */
	uint32_t start_end;    /* where that START's token ends */
	enum mif_split_outcome outcome;
};

/* ---- the guess ---------------------------------------------------------- */

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Whether a line starting at i (after blanks) starts a block that
 * stands at a component's top level; *start is its START. */
static bool
starts_block(const char *t, size_t len, size_t i, size_t *start)
{
	static const char *const words[] = { "GROUP", "TABLE", "PATH", "ENUM" };

	while (i < len && is_blank(t[i]))
		i++;
	if (len - i < 6 || mif_ncasecmp(t + i, "START", 5) != 0 ||
	    !is_blank(t[i + 5]))
		return false;
	size_t w = i + 5;
	while (w < len && is_blank(t[w]))
		w++;
	for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
		size_t n = strlen(words[k]);
		if (len - w > n && mif_ncasecmp(t + w, words[k], n) == 0 &&
		    !(t[w + n] == '_' || t[w + n] == '-' ||
		    (t[w + n] >= '0' && t[w + n] <= '9') ||
		    ((t[w + n] | 0x20) >= 'a' && (t[w + n] | 0x20) <= 'z'))) {
			*start = i;
			return true;
		}
	}
	return false;
}

uint32_t
mif_split_guess(const mif_doc *doc)
{
	const char *t = doc->text;
	size_t len = doc->text_len;
	const char *nl = len > 0 ? memchr(t + len / 2, '\n', len - len / 2) : NULL;

	/* the first line after the middle that starts a block */
	while (nl != NULL) {
		size_t start, i = (size_t)(nl - t) + 1;
		if (starts_block(t, len, i, &start))
			return (uint32_t)start;
		nl = memchr(t + i, '\n', len - i);
	}
	return MIF_NOPOS;
}

/* ---- the second part's thread -------------------------------------------- */

static void *
second_main(void *arg)
{
	second_part *sp = arg;
	struct mif_split self = { .role = ROLE_SECOND, .second = sp };
	mif_parser p;

	/* as the first part will be at the split: in the component, its
	 * START handed to the grammar, none of its statements known */
	mif_parser_init(&p, sp->doc);
	p.split = &self;
	p.fed = p.consumed = p.given_back = sp->at;
	p.seen_component = p.component_opened = true;
	p.open[0] = (mif_open_block){ MIF_COMPONENT, MIF_SPLIT_SYNTH, NULL };
	p.nopen = 1;
	p.pending[0] = (struct pending_token){ START_BLOCK, MIF_COMPONENT,
	    { MIF_SPLIT_SYNTH, MIF_SPLIT_SYNTH } };
	p.npending = 1;
	sp->ran = mif_parser_run(&p) && !p.fatal && !sp->doc->stopped &&
	    !sp->doc->look_failed;
	sp->last_error_pos = p.last_error_pos;
	mif_parser_free(&p);
	return NULL;
}

static void
second_free(second_part *sp)
{
	if (sp == NULL)
		return;
	mif_doc_view_free(sp->doc);
	free(sp);
}

/* Start the second part at `at`; false (and nothing started) when
 * there is no memory or no thread for it. */
static bool
second_start(struct mif_split *sp, const mif_doc *doc, uint32_t at)
{
	second_part *s = calloc(1, sizeof *s);

	if (s == NULL || (s->doc = mif_doc_view_new(doc)) == NULL) {
		free(s);
		return false;
	}
	s->doc->scanning = true;
	s->at = at;
	atomic_init(&s->cancel, false);
	atomic_init(&s->look_failed, false);
	s->last_error_pos = MIF_NOPOS;
	if (pthread_create(&sp->thread, NULL, second_main, s) != 0) {
		second_free(s);
		return false;
	}
	sp->second = s;
	sp->running = true;
	return true;
}

static void
second_join(struct mif_split *sp)
{
	if (sp->running)
		pthread_join(sp->thread, NULL);
	sp->running = false;
}

/* The first part goes on alone. */
static void
give_up(struct mif_split *sp)
{
	if (sp->second != NULL)
		atomic_store(&sp->second->cancel, true);
	sp->outcome = MIF_SPLIT_FALLBACK;
}

/* ---- taking the second part's result ------------------------------------- */

/* Whether the second part's result is what a whole parse gives. */
static bool
acceptable(const mif_doc *doc, const second_part *s)
{
	const mif_block *synth = s->doc->component;

	if (!s->ran || s->needs_first || s->stop == MIF_SPLIT_STOP_NONE ||
	    synth == NULL || synth->pos != MIF_SPLIT_SYNTH)
		return false;
	/* a statement of the component after the split: the first part
	 * knows the statements it may repeat */
	if (synth->nstmts > 0)
		return false;
	/* past an END COMPONENT the first part scans on, not recovering */
	if (s->stop == MIF_SPLIT_STOP_END && s->recovering)
		return false;
	/* at the end of the text the first part says the component is still
	 * open: the second part's messages after its last whole block (a
	 * statement cut short, a stray word) would come before that, where
	 * one parse puts them after it or not at all */
	if (s->stop == MIF_SPLIT_STOP_EOF) {
		uint32_t end = 0;
		for (const mif_block *b = synth->u.children; b != NULL; b = b->next)
			end = b->end_pos;
		for (size_t i = 0; i < s->doc->ndiags; i++)
			if (s->doc->diag_pos[2 * i] > end)
				return false;
	}
	return !mif_diags_cross_cap(doc, s->doc);
}

static const mif_string *
forwarded(const mif_string *s)
{
	if (s == NULL || s->len != FORWARDED)
		return s;
	const mif_string *to;
	memcpy(&to, s->bytes, sizeof to);
	return to;
}

static void remap_block(mif_block *b);

static void
remap_value(mif_stmt *v)
{
	if (v->form == MIF_F_STRING || v->form == MIF_F_OVERLAY ||
	    (v->form == MIF_F_TYPE && v->sub == MIF_T_ENUM_NAMED))
		v->v.str = forwarded(v->v.str);
	else if (v->form == MIF_F_TYPE && v->sub == MIF_T_ENUM_INLINE &&
	    v->v.enm != NULL)
		remap_block((mif_block *)v->v.enm);
}

/* The second part's blocks were built there: ours to change. */
static void
remap_block(mif_block *b)
{
	for (uint16_t i = 0; i < b->nstmts; i++)
		remap_value((mif_stmt *)&b->stmts[i]);
	if (b->kind == MIF_ENUM) {
		mif_enum_item *it = (mif_enum_item *)b->u.items;
		for (uint32_t i = 0; i < b->count; i++)
			it[i].symbol = forwarded(it[i].symbol);
	} else if (b->kind == MIF_TABLE) {
		for (const mif_row *r = b->u.rows; r != NULL; r = r->next)
			for (uint32_t i = 0; i < r->ncells; i++)
				remap_value((mif_stmt *)&r->cells[i]);
	} else {
		for (const mif_block *c = b->u.children; c != NULL; c = c->next)
			remap_block((mif_block *)c);
	}
}

/* The second part's strings become the document's; false when out of
 * memory (the document stays whole: its arena holds them all). */
static bool
take_strings(mif_doc *doc, mif_doc *d, bool *any_forwarded)
{
	mif_arena_adopt(&doc->arena, &d->arena);
	*any_forwarded = false;
	/* one table of the final size, not doubled on the way */
	if (!mif_intern_reserve(doc, doc->strings.count + d->strings.count))
		return false;
	size_t n = d->strings.count;
	const mif_string **had = malloc((n > 0 ? n : 1) * sizeof *had);
	if (had == NULL || !mif_intern_adopt_all(doc, d->strings.strings, n,
	    had)) {
		free(had);
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		mif_string *s = (mif_string *)d->strings.strings[i];
		if (had[i] != s) {
			/* bytes hold at least 8 (arena sizes are 8-aligned) */
			memcpy(s->bytes, &had[i], sizeof had[i]);
			s->len = FORWARDED;
			*any_forwarded = true;
		}
	}
	free(had);
	return true;
}

/* Comments: the first part's up to the split (it scanned the START
 * there, and what lay inside it), then the second part's. */
static bool
take_comments(mif_doc *doc, const mif_doc *d, uint32_t at, bool remap)
{
	while (doc->ncomments > 0 && doc->comments[doc->ncomments - 1].pos >= at)
		doc->ncomments--;
	for (size_t i = 0; i < d->ncomments; i++) {
		if (!mif_vec_reserve((void **)&doc->comments, &doc->comments_cap,
		    doc->ncomments, sizeof *doc->comments))
			return false;
		mif_comment c = d->comments[i];
		if (remap)
			c.text = forwarded(c.text);
		doc->comments[doc->ncomments++] = c;
	}
	return true;
}

/* Blocks damaged by a recovered syntax error: the stand-in for the
 * component stands for the first part's. */
static bool
take_damaged(mif_parser *p, const mif_doc *d)
{
	mif_doc *doc = p->doc;

	for (size_t i = 0; i < d->ndamaged; i++) {
		if (d->damaged[i] == MIF_SPLIT_SYNTH) {
			p->level[0].damaged = true;
			continue;
		}
		if (!mif_vec_reserve((void **)&doc->damaged, &doc->damaged_cap,
		    doc->ndamaged, sizeof *doc->damaged))
			return false;
		doc->damaged[doc->ndamaged++] = d->damaged[i];
	}
	return true;
}

/* The second part's blocks become the component's, after the first's. */
static void
take_children(mif_parser *p, const mif_block *synth, bool remap)
{
	mif_build_level *l = &p->level[0];

	for (const mif_block *c = synth->u.children; c != NULL; c = c->next) {
		mif_block *b = (mif_block *)c;
		if (remap)
			remap_block(b);
		if (l->last != NULL)
			l->last->next = b;
		else
			l->first = b;
		l->last = b;
	}
	l->count += synth->count;
}

/* Take the second part's result into the first part's parser, which
 * stands in its component, the START of the split just handed to the
 * grammar.  False when memory ran out before anything was taken but the
 * strings: the first part then parses on alone. */
static bool
take(mif_parser *p, second_part *s)
{
	mif_doc *doc = p->doc, *d = s->doc;
	bool remap;

	if (!take_strings(doc, d, &remap))
		return false;
	/* reserve before changing anything else */
	if (!mif_vec_reserve((void **)&doc->comments, &doc->comments_cap,
	    doc->ncomments + d->ncomments, sizeof *doc->comments) ||
	    !mif_vec_reserve((void **)&doc->damaged, &doc->damaged_cap,
	    doc->ndamaged + d->ndamaged, sizeof *doc->damaged) ||
	    !mif_diags_append(doc, d))
		return false;
	take_comments(doc, d, s->at, remap);
	take_damaged(p, d);
	take_children(p, d->component, remap);
	if (s->last_error_pos != MIF_NOPOS)
		p->last_error_pos = s->last_error_pos;
	return true;
}

/* ---- hooks ------------------------------------------------------------------ */

void
mif_split_reached(mif_parser *p, int tok, int word, const mif_loc *loc)
{
	struct mif_split *sp = p->split;

	p->split_at = UINT32_MAX; /* once */
	if (sp == NULL || sp->role != ROLE_FIRST || sp->second == NULL)
		return;
	sp->reached = true;
	sp->start_end = loc->end;
	/* a START where a whole parse stands between two items of the
	 * component, no syntax error at that place, the grammar not after
	 * "=", alone or with its keyword (START ENUM there is a value) */
	sp->at_ok = tok == START_BLOCK && loc->pos == sp->second->at &&
	    p->nopen == 1 && p->open[0].kind == MIF_COMPONENT &&
	    mif_kind_holds(MIF_COMPONENT, word) && p->last_tok != EQ &&
	    p->last_tok != KEYWORD_EQ &&
	    !p->fatal && !p->doc->stopped &&
	    (p->last_error_pos == MIF_NOPOS || p->last_error_pos < loc->pos);
	if (!sp->at_ok)
		give_up(sp);
}

void
mif_split_opened(mif_parser *p, uint32_t pos, bool recovering)
{
	struct mif_split *sp = p->split;

	if (sp->role != ROLE_FIRST || !sp->at_ok || sp->outcome != MIF_SPLIT_NONE)
		return;
	if (pos != sp->second->at || recovering || p->depth != 2 ||
	    p->level[0].kind != MIF_COMPONENT || p->level[0].misplaced ||
	    p->nopen != 2 || p->consumed != sp->start_end ||
	    p->next_pending != p->npending || p->fatal || p->doc->stopped) {
		give_up(sp);
		return;
	}
	second_join(sp);
	second_part *s = sp->second;
	if (!acceptable(p->doc, s) || !take(p, s)) {
		sp->outcome = MIF_SPLIT_FALLBACK;
		return;
	}
	sp->outcome = MIF_SPLIT_MERGED;
	mif_parse_resume(p, s->stop, s->stop_loc, s->resume);
}

void
mif_split_closed(mif_parser *p, bool recovering)
{
	if (p->split->role == ROLE_SECOND && p->depth == 0)
		p->split->second->recovering = recovering;
}

bool
mif_split_is_synth(mif_parser *p, uint32_t pos)
{
	if (p->split->role != ROLE_SECOND || pos != MIF_SPLIT_SYNTH)
		return false;
	p->split->second->needs_first = true;
	return true;
}

void
mif_split_closes_component(mif_parser *p)
{
	if (p->split->role == ROLE_SECOND)
		p->split->second->needs_first = true;
}

bool
mif_split_stop_end(mif_parser *p, const mif_loc *loc)
{
	if (p->split->role != ROLE_SECOND)
		return false;
	second_part *s = p->split->second;
	s->stop = MIF_SPLIT_STOP_END;
	s->stop_loc = *loc;
	s->resume = p->consumed;
	return true;
}

bool
mif_split_stop_eof(mif_parser *p, int nopen)
{
	if (p->split->role != ROLE_SECOND)
		return false;
	second_part *s = p->split->second;
	s->stop = nopen == 1 ? MIF_SPLIT_STOP_EOF : MIF_SPLIT_STOP_EOF_CLOSED;
	s->resume = (uint32_t)p->doc->text_len;
	return nopen == 1;
}

bool
mif_split_cancelled(mif_parser *p)
{
	return p->split->role == ROLE_SECOND &&
	    atomic_load_explicit(&p->split->second->cancel, memory_order_relaxed);
}

bool
mif_split_look_failed(mif_parser *p, bool here)
{
	struct mif_split *sp = p->split;

	if (sp == NULL || sp->second == NULL)
		return here;
	if (here) {
		atomic_store(&sp->second->look_failed, true);
		return true;
	}
	if (!atomic_load_explicit(&sp->second->look_failed,
	    memory_order_relaxed))
		return false;
	p->doc->look_failed = true;
	return true;
}

/* ---- the parse ---------------------------------------------------------------- */

enum mif_split_outcome
mif_parse_text_split(mif_doc *doc, unsigned max_errors, unsigned threads,
    size_t split_min, uint32_t split_at)
{
	mif_parser p;
	struct mif_split sp = { .role = ROLE_FIRST };

	doc->scanning = true;
	doc->threads = threads;
	doc->max_errors = max_errors != 0 ? max_errors : MIF_MAX_ERRORS_DEFAULT;
	mif_parser_init(&p, doc);
	if (split_at == MIF_NOPOS && threads != 1 && doc->text_len >= split_min)
		split_at = mif_split_guess(doc);
	if (split_at != MIF_NOPOS && split_at < doc->text_len &&
	    second_start(&sp, doc, split_at)) {
		p.split = &sp;
		p.split_at = split_at;
	}
	mif_parser_run(&p);
	if (p.split != NULL && sp.outcome == MIF_SPLIT_NONE)
		give_up(&sp); /* never reached the split, or not there */
	second_join(&sp);
	/* a deferred look: the text no feed reached (the parse stopped
	 * early) is looked at too */
	if (doc->look_deferred)
		mif_source_look_rest(doc, p.fed);
	enum mif_split_outcome outcome = sp.second != NULL ? sp.outcome
	    : MIF_SPLIT_NONE;
	second_free(sp.second);
	mif_parser_free(&p);
	mif_doc_scan_done(doc);
	return outcome;
}
