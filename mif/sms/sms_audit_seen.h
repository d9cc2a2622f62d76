/*
 * An audit report's record of the jobs and skipped histories a report has listed, so
 * that a history audited twice is listed once (mif-audit(1), CAVEATS).
 * Each is known by two hashes: its key (what names it) and its digest
 * (all it reports); 16 bytes each, in an open-addressing table.
 * Internal to libmif.
 */
#ifndef MIF_SMS_AUDIT_SEEN_H
#define MIF_SMS_AUDIT_SEEN_H

#include "sms/internal.h"

/* FNV-1a over n bytes, from h (MIF_AUDIT_HASH_START for a new hash). */
#define MIF_AUDIT_HASH_START UINT64_C(14695981039346656037)
uint64_t mif_audit_hash(uint64_t h, const void *data, size_t n);
/* The same over a string and its terminating NUL. */
uint64_t mif_audit_hash_str(uint64_t h, const char *s);

enum mif_audit_seen_answer {
	MIF_AUDIT_SEEN_NEW,        /* added */
	MIF_AUDIT_SEEN_SAME,       /* the key was there, with this digest */
	MIF_AUDIT_SEEN_OTHER,      /* the key was there, with another digest */
	MIF_AUDIT_SEEN_NOMEM
};

enum mif_audit_seen_answer mif_audit_seen_add(mif_audit_seen *s, uint64_t key,
    uint64_t digest);
/* Forget everything, in constant time. */
void mif_audit_seen_clear(mif_audit_seen *s);
void mif_audit_seen_free(mif_audit_seen *s);

#endif /* MIF_SMS_AUDIT_SEEN_H */
