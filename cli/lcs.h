/*
 * Which items of two sequences are not part of a longest common
 * subsequence: Myers' O(ND) comparison in linear space (E. W. Myers,
 * "An O(ND) difference algorithm and its variations", 1986, section
 * 4b), as GNU diff does it, with its cap on the cost of one split.
 */
#ifndef LCS_H
#define LCS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Compare a[0..na) with b[0..nb), items equal when their numbers are,
 * and set a_changed[i] (b_changed[j]) for each item that is not part of
 * the common subsequence found.  Memory is linear in na + nb; time is
 * O((na + nb) D) for D differences, and no split of the work costs
 * more than about sqrt(na + nb) steps of the search, where the result
 * may then be a little longer than the shortest (as diff(1) without
 * --minimal).  False when out of memory.
 */
bool lcs_mark(const uint32_t *a, size_t na, const uint32_t *b, size_t nb,
    bool *a_changed, bool *b_changed);

#endif /* LCS_H */
