/*
 * The rules of the SMS profiles (mif_check_options.profile), run by
 * mif_check() after the DMI checks on the same walk context, so that
 * they share its error limit and its view of the component.  Internal
 * to libmif.
 */
#ifndef MIF_PROFILE_H
#define MIF_PROFILE_H

#include "meaning/check.h"

/* Short names in the code, the library's prefix for the linker (as in
 * check.h). */
#define check_ansi_text mif_check_ansi_text
#define check_architecture_attribute mif_check_architecture_attribute
#define check_child_named mif_check_child_named
#define check_class_instance mif_check_class_instance
#define check_header_comments mif_check_header_comments
#define check_header_word mif_check_header_word
#define check_idmif_rules mif_check_idmif_rules
#define check_noidmif_rules mif_check_noidmif_rules
#define check_profile mif_check_profile
#define check_profile_allows mif_check_profile_allows
#define check_size_limit mif_check_size_limit
#define check_status_rules mif_check_status_rules

/* Run the rules of a profile (MIF_PROFILE_AUTO: of the detected one);
 * max_size_kb 0 means the default of the product c->sms names
 * (profile_detect.c). */
void check_profile(check_ctx *c, mif_profile profile, unsigned max_size_kb);

/*
 * Whether a profile takes what a warning of rule says as the way its SMS
 * files are: what the SMS tools write, or SMS writers are documented to
 * write, is no fault under its own profile (profile_detect.c).
 */
bool check_profile_allows(mif_profile profile, mif_rule rule);

/* The first child of parent of this kind whose NAME is name, ASCII case
 * ignored, as SMS finds groups and attributes; NULL when there is none
 * (profile_detect.c). */
const mif_block *check_child_named(const mif_block *parent,
    mif_block_kind kind, const char *name);

/* The ArchitectureName attribute of the group named Architecture, where
 * an IDMIF of SMS 1.x names its architecture (Q199229) and SMS 2.0 still
 * looks (Q202078); NULL when there is none (profile_detect.c). */
const mif_block *check_architecture_attribute(const mif_block *comp);

/* The status MIF of a package (profile_status.c). */
void check_status_rules(check_ctx *c);

/* NOIDMIF (profile_noidmif.c), and the rules IDMIFs share with it. */
/* ANSI text only: no byte-order mark, no UTF-8 (profile_ansi.c). */
void check_ansi_text(check_ctx *c);
void check_noidmif_rules(check_ctx *c, unsigned max_size_kb);
/* An error when the input is larger than max_size_kb KB; none when
 * max_size_kb is 0 (no limit). */
void check_size_limit(check_ctx *c, unsigned max_size_kb);
/*
 * In a walk over the component's groups: an error when an earlier group
 * has this group's class (ASCII case ignored) and either of them lacks a
 * KEY, for SMS keeps one instance of a class without key.  seen (zeroed
 * before the walk, freed by the caller after it) holds the first group
 * of each class.
 */
void check_class_instance(check_ctx *c, check_set *seen,
    const mif_block *group);

/* IDMIF (profile_idmif.c). */
void check_idmif_rules(check_ctx *c, unsigned max_size_kb);

/* Whether a comment's text, once leading blanks are skipped, starts with
 * word, ASCII case ignored: what is meant as an IDMIF header line,
 * well formed or not. */
bool check_header_word(const mif_string *text, const char *word);

/* The comments before the component (all of them when there is none):
 * the file's header.  *count receives their number. */
const mif_comment *check_header_comments(const mif_doc *doc, size_t *count);

#endif /* MIF_PROFILE_H */
