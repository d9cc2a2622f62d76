/*
 * A job history replayed into a job status table as of a time, with the
 * detailed job status MIFs its instructions create (mif-status
 * --replay): the table's own replay (sms_table.c) over a prefix of the
 * history's instructions.
 */
#include <stdlib.h>

#include "sms/internal.h"

bool
mif_sms_history_replay(const mif_sms_history *h,
    const mif_sms_version *version, const int64_t *until,
    mif_sms_table *table, mif_sms_detail **details, size_t *ndetails)
{
	/* times never go backwards: "as of" is a prefix */
	size_t n = 0;
	while (n < h->nevents && (until == NULL || h->events[n].time <= *until))
		n++;
	if (details != NULL) {
		*details = malloc((n > 0 ? n : 1) * sizeof **details);
		*ndetails = 0;
		if (*details == NULL)
			return false;
		for (size_t i = 0; i < n; i++)
			if (mif_sms_detail_of(version, h->job.job_id, &h->events[i],
			    &(*details)[*ndetails]))
				++*ndetails;
	}
	if (!mif_sms_table_init(table, &h->job, h->targets, h->ntargets)) {
		if (details != NULL)
			free(*details);
		return false;
	}
	if (!mif_sms_table_run(table, version, h->events, n, NULL)) {
		mif_sms_table_release(table);
		if (details != NULL)
			free(*details);
		return false;
	}
	return true;
}
