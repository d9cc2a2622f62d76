/*
 * Parsing a big text in two parts, one per core (parse_split.c).
 *
 * The second part is parsed by a thread of its own, from a guessed
 * split: a line that starts a block (START GROUP, TABLE, PATH or ENUM)
 * near the middle of the text, taken to stand at the top level of the
 * component.  The first part's parser, on reaching the split, confirms
 * the guess: its grammar is between two items of the component, not
 * recovering from an error, and its scanner starts a token there.  Then
 * it takes the second part's blocks, diagnostics, comments and strings,
 * and scans on from where the second part stopped: the END COMPONENT
 * that closed the component, or the end of the text.  Whatever the
 * second part saw differently for not knowing the first (a statement of
 * the component itself, a message naming the component, the error cap
 * crossed, an error recovery under way when it stopped), or a wrong
 * guess, and its result is dropped: the first part parses on alone, as
 * a whole parse would.  Either way the document is the same.
 */
#ifndef MIF_PARSE_SPLIT_H
#define MIF_PARSE_SPLIT_H

#include "lang/internal.h"

struct mif_parser;
struct mif_loc;

/* Texts shorter than this are parsed whole by default: a thread costs
 * more than it saves on them. */
#define MIF_SPLIT_MIN_DEFAULT ((size_t)4 << 20)

/* What became of a parse's split (mif_parse_text_split). */
enum mif_split_outcome {
	MIF_SPLIT_NONE,     /* parsed whole: small, one thread, no split line */
	MIF_SPLIT_MERGED,   /* parsed in two parts */
	MIF_SPLIT_FALLBACK, /* split, but the second part's result dropped */
};

/* How the second part stopped. */
enum mif_split_stop {
	MIF_SPLIT_STOP_NONE,
	MIF_SPLIT_STOP_END,        /* at the END COMPONENT closing its component */
	MIF_SPLIT_STOP_EOF,        /* at the end of the text, the component open */
	MIF_SPLIT_STOP_EOF_CLOSED, /* there, its blocks reported and closed */
};

/* The start of the second part's stand-in for the component. */
#define MIF_SPLIT_SYNTH (MIF_NOPOS - 1)

/*
 * Parse doc->text as mif_parse_text() does; `threads` as in
 * mif_parse_options (0: the default, 1: one thread); texts of at least
 * `split_min` bytes are split near their middle.  `split_at`, when not
 * MIF_NOPOS, is the split to try instead of a guess, whatever the size
 * (for tests).  Returns what became of the split.
 */
enum mif_split_outcome mif_parse_text_split(mif_doc *doc,
    unsigned max_errors, unsigned threads, size_t split_min,
    uint32_t split_at);

/* Where a split near the middle of the text would be tried, or
 * MIF_NOPOS when no line there starts a block. */
uint32_t mif_split_guess(const mif_doc *doc);

/* ---- hooks of the parse driver and the grammar ---- */

/* The first part's scanner handed a token at or past split_at. */
void mif_split_reached(struct mif_parser *p, int tok, int word,
    const struct mif_loc *loc);
/* The grammar opened or closed a block; `recovering`: it is recovering
 * from a syntax error (YYRECOVERING()). */
void mif_split_opened(struct mif_parser *p, uint32_t pos, bool recovering);
void mif_split_closed(struct mif_parser *p, bool recovering);
/* The second part: whether the stand-in for the component is the block
 * at pos (a message about it needs the first part: drop the result). */
bool mif_split_is_synth(struct mif_parser *p, uint32_t pos);
/* A START that stands only outside every block (START COMPONENT) closes
 * the blocks open, the component among them: in the second part, that is
 * its stand-in, whose blocks it cannot know, so its result is dropped. */
void mif_split_closes_component(struct mif_parser *p);
/* The second part closed its component at loc (the wrapper's last
 * block): true when it stops there. */
bool mif_split_stop_end(struct mif_parser *p, const struct mif_loc *loc);
/* The second part reached the end of the text with `nopen` blocks open:
 * true when only its component is, which the first part reports. */
bool mif_split_stop_eof(struct mif_parser *p, int nopen);
/* Whether the first part gave up on the second (stop soon). */
bool mif_split_cancelled(struct mif_parser *p);
/* The deferred look (mif_doc.look_deferred) of either part found a ^Z or
 * a byte over 0x7F (`here`: this part's did): the parse is to be made
 * again, so the part that found it tells the other, which then stops as
 * well rather than parse on in vain.  Returns whether this part stops,
 * having set its document's look_failed. */
bool mif_split_look_failed(struct mif_parser *p, bool here);

#endif /* MIF_PARSE_SPLIT_H */
