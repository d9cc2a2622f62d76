/*
 * The middle snake of Myers' linear-space comparison, and the
 * divide-and-conquer around it (lcs.h).  Offsets are ptrdiff_t: the
 * diagonals k = x - y run from -nb to na.
 */
#include <stdlib.h>

#include "lcs.h"

typedef struct lcs {
	const uint32_t *a, *b;
	bool *a_changed, *b_changed;
	ptrdiff_t *fd, *bd;   /* furthest x on each diagonal, both ways */
	ptrdiff_t too_expensive;
} lcs;

typedef struct split {
	ptrdiff_t x, y;
} split;

/* The cost of a split is capped at about the square root of the
 * diagonals (at least 4096 steps), as GNU diff caps it. */
static ptrdiff_t
cost_cap(size_t diags)
{
	ptrdiff_t cap = 1;

	for (; diags != 0; diags >>= 2)
		cap <<= 1;
	return cap < 4096 ? 4096 : cap;
}

/* Past the cap: the furthest point the forward search reached, or the
 * nearest the backward one reached, whichever is further along. */
static split
best_effort(const lcs *s, ptrdiff_t xoff, ptrdiff_t xlim, ptrdiff_t yoff,
    ptrdiff_t ylim, ptrdiff_t fmin, ptrdiff_t fmax, ptrdiff_t bmin,
    ptrdiff_t bmax)
{
	ptrdiff_t fbest = -1, fx = 0, bbest = PTRDIFF_MAX, bx = 0;

	for (ptrdiff_t d = fmax; d >= fmin; d -= 2) {
		ptrdiff_t x = s->fd[d] < xlim ? s->fd[d] : xlim, y = x - d;
		if (y > ylim) {
			x = ylim + d;
			y = ylim;
		}
		if (x + y > fbest) {
			fbest = x + y;
			fx = x;
		}
	}
	for (ptrdiff_t d = bmax; d >= bmin; d -= 2) {
		ptrdiff_t x = s->bd[d] > xoff ? s->bd[d] : xoff, y = x - d;
		if (y < yoff) {
			x = yoff + d;
			y = yoff;
		}
		if (x + y < bbest) {
			bbest = x + y;
			bx = x;
		}
	}
	if ((xlim + ylim) - bbest < fbest - (xoff + yoff))
		return (split){ fx, fbest - fx };
	return (split){ bx, bbest - bx };
}

/* Where a shortest edit script of a[xoff..xlim) to b[yoff..ylim) crosses
 * its middle; both ranges are non-empty and differ at both ends. */
static split
middle(const lcs *s, ptrdiff_t xoff, ptrdiff_t xlim, ptrdiff_t yoff,
    ptrdiff_t ylim)
{
	ptrdiff_t *fd = s->fd, *bd = s->bd;
	const ptrdiff_t dmin = xoff - ylim, dmax = xlim - yoff;
	const ptrdiff_t fmid = xoff - yoff, bmid = xlim - ylim;
	ptrdiff_t fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid;
	const bool odd = ((fmid - bmid) & 1) != 0;

	fd[fmid] = xoff;
	bd[bmid] = xlim;
	for (ptrdiff_t c = 1;; c++) {
		if (fmin > dmin)
			fd[--fmin - 1] = -1;
		else
			fmin++;
		if (fmax < dmax)
			fd[++fmax + 1] = -1;
		else
			fmax--;
		for (ptrdiff_t d = fmax; d >= fmin; d -= 2) {
			ptrdiff_t lo = fd[d - 1], hi = fd[d + 1];
			ptrdiff_t x = lo < hi ? hi : lo + 1, y = x - d;
			while (x < xlim && y < ylim && s->a[x] == s->b[y])
				x++, y++;
			fd[d] = x;
			if (odd && bmin <= d && d <= bmax && bd[d] <= x)
				return (split){ x, y };
		}
		if (bmin > dmin)
			bd[--bmin - 1] = PTRDIFF_MAX;
		else
			bmin++;
		if (bmax < dmax)
			bd[++bmax + 1] = PTRDIFF_MAX;
		else
			bmax--;
		for (ptrdiff_t d = bmax; d >= bmin; d -= 2) {
			ptrdiff_t lo = bd[d - 1], hi = bd[d + 1];
			ptrdiff_t x = lo < hi ? lo : hi - 1, y = x - d;
			while (x > xoff && y > yoff && s->a[x - 1] == s->b[y - 1])
				x--, y--;
			bd[d] = x;
			if (!odd && fmin <= d && d <= fmax && x <= fd[d])
				return (split){ x, y };
		}
		if (c >= s->too_expensive)
			return best_effort(s, xoff, xlim, yoff, ylim, fmin, fmax,
			    bmin, bmax);
	}
}

/* Depth is logarithmic in practice: each split halves the differences
 * of its part. */
static void
compare(const lcs *s, ptrdiff_t xoff, ptrdiff_t xlim, ptrdiff_t yoff,
    ptrdiff_t ylim)
{
	while (xoff < xlim && yoff < ylim && s->a[xoff] == s->b[yoff])
		xoff++, yoff++;
	while (xlim > xoff && ylim > yoff && s->a[xlim - 1] == s->b[ylim - 1])
		xlim--, ylim--;
	if (xoff == xlim) {
		while (yoff < ylim)
			s->b_changed[yoff++] = true;
	} else if (yoff == ylim) {
		while (xoff < xlim)
			s->a_changed[xoff++] = true;
	} else {
		split m = middle(s, xoff, xlim, yoff, ylim);
		compare(s, xoff, m.x, yoff, m.y);
		compare(s, m.x, xlim, m.y, ylim);
	}
}

bool
lcs_mark(const uint32_t *a, size_t na, const uint32_t *b, size_t nb,
    bool *a_changed, bool *b_changed)
{
	size_t diags = na + nb + 3;
	ptrdiff_t *v = malloc(2 * diags * sizeof *v);

	if (v == NULL)
		return false;
	lcs s = { a, b, a_changed, b_changed, v + nb + 1, v + diags + nb + 1,
	    cost_cap(diags) };
	compare(&s, 0, (ptrdiff_t)na, 0, (ptrdiff_t)nb);
	free(v);
	return true;
}
