/*
 * Keyed hashing for every table that input fills (interned strings, row
 * keys, the checker's sets, the scheduler's maps): SipHash-1-3 under a
 * key drawn once per process from the kernel.  With an unkeyed hash a
 * crafted file could make every key land in one bucket and every lookup
 * walk them all; with a secret key nobody can tell which keys collide.
 */
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <sys/random.h>
#include <sys/types.h>
#include <time.h>

#include "lang/internal.h"

/*
 * The one piece of process-wide state in libmif: written once, under
 * pthread_once(), before any hash is taken, and only read after that, so
 * threads need no lock.  Hashes differ from one run to the next; nothing
 * stores them.  pthread_once() rather than C11's call_once(): glibc's
 * call_once() goes round ThreadSanitizer's interceptor, which then
 * takes the key's first reads in other threads for races.
 */
static pthread_once_t key_once = PTHREAD_ONCE_INIT;
static uint64_t key[2];

static void
draw_key(void)
{
	if (getrandom(key, sizeof key, 0) == (ssize_t)sizeof key)
		return;
	/* No entropy from the kernel (a very old one): the clock and where
	 * the loader put us are still unknown to whoever wrote the input. */
	struct timespec ts;
	timespec_get(&ts, TIME_UTC);
	key[0] = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 32) ^
	    (uint64_t)(uintptr_t)&ts;
	key[1] = (uint64_t)(uintptr_t)&key ^ 0x736f6d6570736575u;
}

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))

typedef struct sip {
	uint64_t v0, v1, v2, v3;
} sip;

static inline void
sip_round(sip *s)
{
	s->v0 += s->v1;
	s->v1 = ROTL(s->v1, 13);
	s->v1 ^= s->v0;
	s->v0 = ROTL(s->v0, 32);
	s->v2 += s->v3;
	s->v3 = ROTL(s->v3, 16);
	s->v3 ^= s->v2;
	s->v0 += s->v3;
	s->v3 = ROTL(s->v3, 21);
	s->v3 ^= s->v0;
	s->v2 += s->v1;
	s->v1 = ROTL(s->v1, 17);
	s->v1 ^= s->v2;
	s->v2 = ROTL(s->v2, 32);
}

static sip
sip_start(void)
{
	pthread_once(&key_once, draw_key);
	return (sip){
		key[0] ^ 0x736f6d6570736575u, key[1] ^ 0x646f72616e646f6du,
		key[0] ^ 0x6c7967656e657261u, key[1] ^ 0x7465646279746573u,
	};
}

static void
sip_word(sip *s, uint64_t m)
{
	s->v3 ^= m;
	sip_round(s);
	s->v0 ^= m;
}

static uint64_t
sip_end(sip *s, uint64_t last)
{
	sip_word(s, last);
	s->v2 ^= 0xff;
	sip_round(s);
	sip_round(s);
	sip_round(s);
	return s->v0 ^ s->v1 ^ s->v2 ^ s->v3;
}

/* n (at most 8) bytes as a word, ASCII letters lower-cased when fold is
 * set.  Copied, not assembled a byte at a time, and folded eight bytes
 * at once; the byte order is the machine's, as no hash outlives the
 * process. */
static uint64_t
load(const unsigned char *p, size_t n, bool fold)
{
	const uint64_t ones = 0x0101010101010101u, high = ones * 0x80u;
	uint64_t w = 0;

	memcpy(&w, p, n);
	if (fold) {
		/* the high bit of each byte that is 'A' to 'Z' */
		uint64_t low7 = w & ~high;
		uint64_t from_a = low7 + ones * (0x80u - 'A');
		uint64_t past_z = low7 + ones * (0x80u - 'Z' - 1);
		uint64_t upper = from_a & ~past_z & ~w & high;
		w |= upper >> 2; /* 0x80 >> 2 is the case bit, 0x20 */
	}
	return w;
}

/* Eight bytes as a little-endian word, in one load where the machine
 * is little-endian (the loop above costs a shift and an or a byte). */
static uint64_t
load_word(const unsigned char *p)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint64_t w;
	memcpy(&w, p, sizeof w);
	return w;
#else
	return load(p, 8, false);
#endif
}

static uint64_t
hash_bytes(const void *data, size_t len, bool fold)
{
	const unsigned char *p = data;
	sip s = sip_start();
	size_t i = 0;

	for (; i + 8 <= len; i += 8)
		sip_word(&s, fold ? load(p + i, 8, true) : load_word(p + i));
	return sip_end(&s, ((uint64_t)len << 56) | load(p + i, len - i, fold));
}

uint64_t
mif_hash_bytes(const void *data, size_t len)
{
	return hash_bytes(data, len, false);
}

uint64_t
mif_hash_bytes_folded(const void *data, size_t len)
{
	return hash_bytes(data, len, true);
}

uint64_t
mif_hash_u64(uint64_t x)
{
	sip s = sip_start();

	sip_word(&s, x);
	return sip_end(&s, (uint64_t)8 << 56);
}
