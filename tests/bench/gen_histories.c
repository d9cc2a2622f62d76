/*
 * Write SMS 1.x job histories (mif-jobs(5)) for the mif-audit benchmark.
 *
 *   gen_histories DIR [HISTORIES [WORKSTATIONS]]
 *
 * writes DIR/h000000.mif, h000001.mif ... (default 10000 histories of
 * 500 workstations each) and prints the number of instructions written
 * on standard output.  Each job offers a package and expires two days
 * later; each workstation, drawn at random:
 *   70%  succeeds, then polls after the expiry (an Expired instruction)
 *   15%  fails, then polls after the expiry
 *   10%  never runs the package, but polls after the expiry
 *    5%  succeeds or fails and never polls again (no expiry instruction)
 * About one success in fifty carries a Description with a double quote,
 * written \", which SMS 1.1 does not load (Knowledge Base Q140810).
 * Results come on day 1 in a random order, expiries on day 3.  A fixed
 * pseudo-random sequence makes every run write the same bytes.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum fate { SUCCEEDS, FAILS, NEVER_RUNS, GONE_SUCCEEDED, GONE_FAILED };

static uint32_t
next_random(uint64_t *state)
{
	*state = *state * 6364136223846793005u + 1442695040888963407u;
	return (uint32_t)(*state >> 33);
}

static void
shuffle(uint32_t *a, uint32_t n, uint64_t *seed)
{
	for (uint32_t i = n; i > 1; i--) {
		uint32_t j = next_random(seed) % i;
		uint32_t t = a[i - 1];
		a[i - 1] = a[j];
		a[j] = t;
	}
}

static const char head[] =
    "START COMPONENT\n"
    "  NAME = \"Job History\"\n"
    "  START GROUP\n"
    "    NAME = \"Job\"\n"
    "    ID = 1\n"
    "    CLASS = \"MIFTOOLS|JOB|1.0\"\n"
    "    START ATTRIBUTE NAME = \"Job ID\" ID = 1 TYPE = STRING(8) VALUE = \"J%07" PRIu32 "\" END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"Package ID\" ID = 2 TYPE = STRING(8) VALUE = \"P%07" PRIu32 "\" END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"Offer\" ID = 3 TYPE = DATE VALUE = \"19960603090000.000000+000\" END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"Expires\" ID = 4 TYPE = DATE VALUE = \"19960605090000.000000+000\" END ATTRIBUTE\n"
    "  END GROUP\n"
    "  START GROUP\n"
    "    NAME = \"Target\"\n"
    "    CLASS = \"MIFTOOLS|JOBTARGET|1.0\"\n"
    "    KEY = 1\n"
    "    START ATTRIBUTE NAME = \"SMS ID\" ID = 1 TYPE = STRING(8) END ATTRIBUTE\n"
    "  END GROUP\n"
    "  START TABLE\n"
    "    NAME = \"Targets\"\n"
    "    ID = 2\n"
    "    CLASS = \"MIFTOOLS|JOBTARGET|1.0\"\n";

static const char middle[] =
    "  END TABLE\n"
    "  START GROUP\n"
    "    NAME = \"Instruction\"\n"
    "    CLASS = \"MIFTOOLS|JOBINSTRUCTION|1.0\"\n"
    "    KEY = 1\n"
    "    START ATTRIBUTE NAME = \"Sequence\" ID = 1 TYPE = INTEGER END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"Time\" ID = 2 TYPE = DATE END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"SMS ID\" ID = 3 TYPE = STRING(8) END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"Instruction\" ID = 4 TYPE = STRING(8) END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"Description\" ID = 5 TYPE = STRING(128) VALUE = \"\" END ATTRIBUTE\n"
    "  END GROUP\n"
    "  START TABLE\n"
    "    NAME = \"Instructions\"\n"
    "    ID = 3\n"
    "    CLASS = \"MIFTOOLS|JOBINSTRUCTION|1.0\"\n";

static const char tail[] = "  END TABLE\nEND COMPONENT\n";

/* A time of 3 June 1996 (day 1) or 5 June (day 3) as a DMI date; s
 * counts seconds from 09:30 that day. */
static void
date(char out[26], unsigned day, uint32_t s)
{
	unsigned h = 9 + (30 * 60 + s) / 3600, m = ((30 * 60 + s) / 60) % 60;
	snprintf(out, 26, "199606%02u%02u%02u%02u.000000+000", day, h % 24,
	    m, (unsigned)(s % 60));
}

static void
sms_id(char out[9], uint32_t history, uint32_t ws)
{
	/* each job targets a run of a fleet of 10 million workstations */
	snprintf(out, 9, "W%07" PRIu32, (history * 7919u + ws) % 10000000u);
}

/* One history; returns its number of instructions. */
static uint64_t
history(FILE *f, uint32_t h, uint32_t nws, uint64_t *seed, uint8_t *fate,
    uint32_t *order)
{
	char id[9], when[26];
	uint64_t seq = 0;
	/* 8 hours of day 1 and of day 3, spread over the instructions */
	uint32_t step = 8 * 3600 / (nws > 0 ? nws : 1);

	fprintf(f, head, h, h % 1000);
	for (uint32_t w = 0; w < nws; w++) {
		uint32_t r = next_random(seed) % 100;
		fate[w] = r < 70 ? SUCCEEDS : r < 85 ? FAILS : r < 95 ? NEVER_RUNS
		    : r < 98 ? GONE_SUCCEEDED : GONE_FAILED;
		sms_id(id, h, w);
		fprintf(f, "    {\"%s\"}\n", id);
	}
	fputs(middle, f);
	for (uint32_t w = 0; w < nws; w++)
		order[w] = w;
	shuffle(order, nws, seed);
	for (uint32_t i = 0; i < nws; i++) {
		uint32_t w = order[i];
		if (fate[w] == NEVER_RUNS)
			continue;
		bool ok = fate[w] == SUCCEEDS || fate[w] == GONE_SUCCEEDED;
		const char *why = !ok ? "Setup failed: disk full"
		    : next_random(seed) % 50 == 0 ? "Setup said \\\"done\\\""
		    : "Installed";
		sms_id(id, h, w);
		date(when, 3, i * step);
		fprintf(f, "    {%" PRIu64 ", \"%s\", \"%s\", \"%s\", \"%s\"}\n",
		    ++seq, when, id, ok ? "Success" : "Failed", why);
	}
	shuffle(order, nws, seed);
	for (uint32_t i = 0; i < nws; i++) {
		uint32_t w = order[i];
		if (fate[w] == GONE_SUCCEEDED || fate[w] == GONE_FAILED)
			continue;
		sms_id(id, h, w);
		date(when, 5, i * step);
		fprintf(f, "    {%" PRIu64 ", \"%s\", \"%s\", \"Expired\"}\n",
		    ++seq, when, id);
	}
	fputs(tail, f);
	return seq;
}

int
main(int argc, char *argv[])
{
	if (argc < 2 || argc > 4) {
		fputs("usage: gen_histories DIR [HISTORIES [WORKSTATIONS]]\n",
		    stderr);
		return 2;
	}
	uint32_t n = argc >= 3 ? (uint32_t)strtoul(argv[2], NULL, 10) : 10000u;
	uint32_t nws = argc >= 4 ? (uint32_t)strtoul(argv[3], NULL, 10) : 500u;
	uint8_t *fate = malloc(nws + 1);
	uint32_t *order = malloc((nws + 1) * sizeof *order);
	if (fate == NULL || order == NULL) {
		fputs("gen_histories: out of memory\n", stderr);
		return 2;
	}
	uint64_t seed = 20261122, total = 0;
	for (uint32_t h = 0; h < n; h++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/h%06" PRIu32 ".mif", argv[1], h);
		FILE *f = fopen(path, "w");
		if (f == NULL) {
			perror(path);
			return 2;
		}
		total += history(f, h, nws, &seed, fate, order);
		if (fclose(f) != 0) {
			perror(path);
			return 2;
		}
	}
	printf("%" PRIu64 "\n", total);
	free(fate);
	free(order);
	return 0;
}
