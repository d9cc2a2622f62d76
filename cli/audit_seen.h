/*
 * mif-audit: the jobs and skipped histories a report has listed, so
 * that a history audited twice is listed once (mif-audit(1), CAVEATS).
 * Each is known by two hashes: its key (what names it) and its digest
 * (all it reports); 16 bytes each, in an open-addressing table.
 */
#ifndef AUDIT_SEEN_H
#define AUDIT_SEEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* FNV-1a over n bytes, from h (AUDIT_HASH_START for a new hash). */
#define AUDIT_HASH_START UINT64_C(14695981039346656037)
uint64_t audit_hash(uint64_t h, const void *data, size_t n);
/* The same over a string and its terminating NUL. */
uint64_t audit_hash_str(uint64_t h, const char *s);

typedef struct audit_seen {
	struct audit_seen_slot *slots;
	size_t mask, used;
	uint32_t generation;   /* slots of older ones are empty */
} audit_seen;

enum audit_seen_answer {
	AUDIT_SEEN_NEW,        /* added */
	AUDIT_SEEN_SAME,       /* the key was there, with this digest */
	AUDIT_SEEN_OTHER,      /* the key was there, with another digest */
	AUDIT_SEEN_NOMEM
};

enum audit_seen_answer audit_seen_add(audit_seen *s, uint64_t key,
    uint64_t digest);
/* Forget everything, in constant time. */
void audit_seen_clear(audit_seen *s);
void audit_seen_free(audit_seen *s);

#endif /* AUDIT_SEEN_H */
