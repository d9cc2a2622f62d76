/*
 * Whether the client's link is slow (SMS 2.0; Q224388, Q201836,
 * Q246974), and the one-minute cache of speed tests (KB 202332).
 */
#include "sched/internal.h"

static const char *const verdict_names[] = {
	[MIF_SCHED_LINK_FAST] = "threshold-met",
	[MIF_SCHED_LINK_SLOW] = "below-threshold",
	[MIF_SCHED_LINK_UNKNOWN_RAS] = "unknown-with-ras",
	[MIF_SCHED_LINK_UNKNOWN_LAN] = "unknown-without-ras",
	[MIF_SCHED_LINK_NO_CAP] = "cap-unreachable",
};

mif_sched_verdict
mif_sched_judge(const mif_sched_link *link, uint64_t threshold)
{
	if (threshold == 0)
		threshold = MIF_SCHED_THRESHOLD_DEFAULT;
	/* Without its CAP the client can fetch nothing, whatever the speed. */
	if (link->cap_unreachable)
		return MIF_SCHED_LINK_NO_CAP;
	/* A speed of 0 is a measurement that failed, not a dead link: a
	 * dial-up connection is then the best guess of a slow one. */
	if (link->speed == 0)
		return link->ras ? MIF_SCHED_LINK_UNKNOWN_RAS
		    : MIF_SCHED_LINK_UNKNOWN_LAN;
	return link->speed < threshold ? MIF_SCHED_LINK_SLOW
	    : MIF_SCHED_LINK_FAST;
}

bool
mif_sched_verdict_slow(mif_sched_verdict verdict)
{
	return verdict == MIF_SCHED_LINK_SLOW ||
	    verdict == MIF_SCHED_LINK_UNKNOWN_RAS ||
	    verdict == MIF_SCHED_LINK_NO_CAP;
}

const char *
mif_sched_verdict_name(mif_sched_verdict verdict)
{
	if ((unsigned)verdict >= sizeof verdict_names / sizeof verdict_names[0])
		return NULL;
	return verdict_names[verdict];
}

void
mif_sched_speed_init(mif_sched_speed *speed, uint64_t threshold)
{
	*speed = (mif_sched_speed){
		.threshold = threshold != 0 ? threshold
		    : MIF_SCHED_THRESHOLD_DEFAULT,
	};
}

mif_sched_test
mif_sched_speed_test(mif_sched_speed *speed, const mif_sched_link *link,
    int64_t now)
{
	/* "within one minute of the last time it was actually tested": a
	 * cached answer does not make the minute start again. */
	if (speed->tested && now >= speed->last.tested &&
	    now - speed->last.tested < MIF_SCHED_CACHE_SECONDS) {
		mif_sched_test answer = speed->last;
		answer.cached = true;
		speed->cached++;
		return answer;
	}
	speed->made++;
	return mif_sched_speed_put(speed, link, now);
}

mif_sched_test
mif_sched_speed_put(mif_sched_speed *speed, const mif_sched_link *link,
    int64_t now)
{
	mif_sched_test test = {
		.cached = false,
		.tested = now,
		.link = *link,
		.threshold = speed->threshold,
		.verdict = mif_sched_judge(link, speed->threshold),
	};
	test.slow = mif_sched_verdict_slow(test.verdict);
	speed->tested = true;
	speed->last = test;
	return test;
}
