/*
 * libmif: read, check and write MIF files (DMTF Management Information
 * Format, and the status MIFs, NOIDMIFs and IDMIFs of Microsoft SMS).
 *
 * One document (mif_doc) owns everything reached from it: blocks,
 * statements, strings, comments and diagnostics live in the document's
 * arena and are freed together by mif_doc_free().  Pointers into a
 * document are valid until then.  Nothing here uses global state: two
 * threads may parse, check and write different documents at once, and
 * any number of threads may read one document that nobody modifies.
 *
 * The API comes in layers, each built on those before it (HACKING.md):
 * mif/lang.h, mif/meaning.h, mif/forms.h, mif/sms.h, mif/sched.h.
 */
#ifndef MIF_H
#define MIF_H

#include "mif/lang.h"
#include "mif/meaning.h"
#include "mif/forms.h"
#include "mif/sms.h"
#include "mif/sched.h"

#endif /* MIF_H */
