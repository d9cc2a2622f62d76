/*
 * libmif's old, unkeyed hashes undone: keys an attacker could choose so
 * that they collide, for the test that the keyed hash spreads them
 * (tests/unit/test_value.c) and the stress inputs (tests/stress/gen.c).
 */
#ifndef OLD_HASH_H
#define OLD_HASH_H

#include <stdint.h>

/* The inverse of the multiplication by odd m modulo 2^64. */
static inline uint64_t
inverse(uint64_t m)
{
	uint64_t x = m;
	for (int i = 0; i < 5; i++)
		x *= 2 - m * x;
	return x;
}

/* The inverse of splitmix64's finaliser. */
static inline uint64_t
unmix(uint64_t x)
{
	x ^= x >> 31 ^ x >> 62;
	x *= inverse(0x94d049bb133111ebULL);
	x ^= x >> 27 ^ x >> 54;
	x *= inverse(0xbf58476d1ce4e5b9ULL);
	x ^= x >> 30 ^ x >> 60;
	return x;
}

/* The number whose row-key hash under libmif's old unkeyed hashes
 * (splitmix64 of the magnitude, the sign in the top bit, xor 1; then
 * one multiply-xorshift round from a fixed start) is the given one:
 * each step is undone in turn. */
static inline uint64_t
old_hash_preimage(uint64_t hash)
{
	uint64_t y = hash ^ (hash >> 32);
	uint64_t x = (y * inverse(0xFF51AFD7ED558CCDULL)) ^ 0x9E3779B97F4A7C15ULL;
	return unmix(x ^ 1);
}

#endif /* OLD_HASH_H */
