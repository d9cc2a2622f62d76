/* A progress line on a terminal: see progress.h. */
#include <time.h>

#include "progress.h"

/* The line appears once a run has taken this long, and changes at most
 * this often: short runs stay quiet, long ones do not flicker. */
#define PROGRESS_DELAY 1.0
#define PROGRESS_INTERVAL 0.5

double
progress_now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

void
progress_start(progress *p, const char *prog, const char *items, FILE *line,
    FILE *report, bool enabled, bool same_screen, double now)
{
	*p = (progress){ prog, items, line, report, enabled,
	    enabled && same_screen, now, now, 0 };
}

void
progress_clear(progress *p)
{
	if (p->shown > 0) {
		fprintf(p->line, "\r%*s\r", p->shown, "");
		fflush(p->line);
	}
	p->shown = 0;
}

void
progress_before_report(progress *p)
{
	/* the report's next line would start where the progress line ends */
	if (p->same_screen)
		progress_clear(p);
}

void
progress_update(progress *p, size_t done, size_t total, double now)
{
	if (!p->enabled || now - p->start < PROGRESS_DELAY ||
	    now - p->last < PROGRESS_INTERVAL)
		return;
	p->last = now;
	if (p->same_screen)
		fflush(p->report); /* its lines first, then the progress line */
	int w = fprintf(p->line, "\r%s: %zu/%zu %s", p->prog, done, total,
	    p->items);
	fflush(p->line);
	p->shown = w > 1 ? w - 1 : 0;
}
