/* capbrowse.c — drives the offline browser's core (src/capindex.h) without a screen: for tests and the browse benchmark. */
/*
 * usage: capbrowse FILE COMMAND...
 *   info                    index the whole file in steps, then print the file pane's facts
 *   frame N...              print frame N's line ("N < summary"), N may be "last"
 *   filter EXPR             BPF over the whole file: the count, the first and last matches, rank checks
 *   find QUERY FROM [back]  the next (previous) frame after (before) FROM whose summary holds QUERY
 *                           or that satisfies it as a field condition; "none" when there is none
 *   findall QUERY           the number of every frame find visits, from the first, Ctrl-N after Ctrl-N
 *   bench FILTER TEXT COND  times the browser's steps on a big file (see tests/bench/bench_browse.sh)
 * Indexing always goes in steps of STEP frames (65536), as the UI's event loop would call it.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "capindex.h"
#include "decode.h"

#define STEP 65536

static struct decoded dec;
static char err[512];

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

static void die(const char *what)
{
	fprintf(stderr, "capbrowse: %s%s%s\n", what, *err ? ": " : "", err);
	exit(1);
}

static double index_all(struct capindex *ix, double *worst)
{
	double t0 = now(), t;
	int rc;

	*worst = 0;
	do {
		t = now();
		rc = capindex_step(ix, STEP, err, sizeof(err));
		if (now() - t > *worst)
			*worst = now() - t;
		if (rc == 2) {	/* a pipe: wait for more, as the browser's loop does */
			struct pollfd pfd = { .fd = capindex_stream_fd(ix), .events = POLLIN };

			poll(&pfd, 1, -1);
		}
	} while (rc == 0 || rc == 2);
	if (rc < 0)
		fprintf(stderr, "capbrowse: %s (frames before it are usable)\n", err);
	return now() - t0;
}

static void print_frame(struct capindex *ix, uint64_t n)
{
	struct frame f;

	if (capindex_read(ix, n, &f, err, sizeof(err)) < 0)
		die("read");
	decode_frame_summary(&dec, &f);
	printf("%llu %c %s\n", (unsigned long long)n, f.dir == FRAME_IN ? '<' : f.dir == FRAME_OUT ? '>' : '-',
	       decode_summary(&dec));
}

static void info(struct capindex *ix)
{
	struct capindex_info in;
	double worst;

	index_all(ix, &worst);
	capindex_info(ix, &in);
	printf("file: %s\nlink: %s (%s), %s\nframes: %llu\nfirst: %ld.%06ld\nlast: %ld.%06ld\n", in.path,
	       in.link_name ? in.link_name : "?", in.link_desc ? in.link_desc : "?", in.pcapng ? "pcapng" : "pcap",
	       (unsigned long long)in.frames, (long)in.first.tv_sec, (long)in.first.tv_usec, (long)in.last.tv_sec,
	       (long)in.last.tv_usec);
	printf("file bytes: %llu\nwire bytes: %llu\nin: %llu\nout: %llu\ndone: %d\n", (unsigned long long)in.file_bytes,
	       (unsigned long long)in.wire_bytes, (unsigned long long)in.frames_in, (unsigned long long)in.frames_out,
	       in.done);
}

static struct capmatch *filter_all(struct capindex *ix, const char *expr, int find)
{
	struct capmatch *m = find ? capmatch_new_find(ix, expr, err, sizeof(err))
				  : capmatch_new_bpf(ix, expr, err, sizeof(err));
	int rc;

	if (!m)
		die("filter");
	while ((rc = capmatch_step(ix, m, STEP, err, sizeof(err))) == 0)
		;
	if (rc < 0)
		die("filter");
	return m;
}

static void filter(struct capindex *ix, const char *expr)
{
	struct capmatch *m;
	uint64_t c, k, n, prev = 0;
	double worst;

	index_all(ix, &worst);
	m = filter_all(ix, expr, 0);
	c = capmatch_count(m);
	printf("matches: %llu of %llu\n", (unsigned long long)c, (unsigned long long)capmatch_scanned(m));
	/* every match, walked three ways that must agree: kth, next, and rank */
	for (k = 1; k <= c; k++) {
		n = capmatch_kth(m, k);
		if (n == 0 || capmatch_next(m, prev) != n || capmatch_rank(m, n) != k || !capmatch_has(m, n) ||
		    capmatch_prev(m, n) != prev) {
			printf("INCONSISTENT at match %llu (frame %llu)\n", (unsigned long long)k, (unsigned long long)n);
			exit(1);
		}
		if (k <= 3 || k > c - 3)
			printf("match %llu: frame %llu\n", (unsigned long long)k, (unsigned long long)n);
		prev = n;
	}
	if (capmatch_next(m, prev) != 0 || capmatch_kth(m, c + 1) != 0)
		die("a match past the last one");
	capmatch_free(m);
}

static void find(struct capindex *ix, const char *query, uint64_t from, int back)
{
	struct capfind *q = capfind_new(query, err, sizeof(err));
	uint64_t at = from;
	double worst;
	int rc;

	if (!q)
		die("find");
	index_all(ix, &worst);
	while ((rc = capfind_search(ix, q, at, back, 1000, &at, err, sizeof(err))) == 0)
		;
	if (rc == -ENOENT)
		printf("none (%s)\n", capfind_is_condition(q) ? "condition" : "text");
	else if (rc < 0)
		die("find");
	else
		print_frame(ix, at);
	capfind_free(q);
}

static void find_all(struct capindex *ix, const char *query)
{
	struct capfind *q = capfind_new(query, err, sizeof(err));
	uint64_t at = 0, from = 0;
	double worst;
	int rc;

	if (!q)
		die("find");
	index_all(ix, &worst);
	for (;;) {
		rc = capfind_search(ix, q, from, 0, 1000, &at, err, sizeof(err));
		if (rc < 0 && rc != -ENOENT)
			die("find");
		if (rc == -ENOENT)
			break;
		if (rc == 1)
			printf("%llu\n", (unsigned long long)at);
		from = at;
	}
	capfind_free(q);
}

static long peak_kib(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static double find_time(struct capindex *ix, const char *query, int *found, uint64_t *at)
{
	struct capfind *q = capfind_new(query, err, sizeof(err));
	double t0 = now();
	int rc;

	if (!q)
		die("find");
	*at = 0;
	while ((rc = capfind_search(ix, q, *at, 0, STEP, at, err, sizeof(err))) == 0)
		;
	*found = rc == 1;
	capfind_free(q);
	return now() - t0;
}

static void bench(const char *path, const char *expr, const char *query, const char *cond)
{
	double t0 = now(), t_first, t_index, t_last, t_filter, t_find, t_cond, worst;
	struct capindex *ix = capindex_open(path, err, sizeof(err));
	struct capmatch *m;
	struct frame f;
	uint64_t at, at2, count;
	int found, found2;

	if (!ix)
		die("open");
	/* the first screen: open, one step, the first 50 rows decoded */
	if (capindex_step(ix, 1000, err, sizeof(err)) < 0)
		die("index");
	for (uint64_t n = 1; n <= 50 && n <= capindex_count(ix); n++) {
		if (capindex_read(ix, n, &f, err, sizeof(err)) < 0)
			die("read");
		decode_frame_summary(&dec, &f);
	}
	t_first = now() - t0;
	t_index = index_all(ix, &worst) + t_first;
	count = capindex_count(ix);
	t0 = now();
	for (uint64_t n = count > 49 ? count - 49 : 1; n <= count; n++) {	/* End: the last screen */
		if (capindex_read(ix, n, &f, err, sizeof(err)) < 0)
			die("read");
		decode_frame_summary(&dec, &f);
	}
	t_last = now() - t0;
	t0 = now();
	m = filter_all(ix, expr, 0);
	t_filter = now() - t0;
	t_find = find_time(ix, query, &found, &at);
	t_cond = find_time(ix, cond, &found2, &at2);
	printf("frames %llu\nfirst_screen %.3f\nfull_index %.3f\nworst_step %.3f\nlast_screen %.4f\n"
	       "filter %.3f %llu\nfind_text %.3f %s %llu\nfind_condition %.3f %s %llu\npeak_kib %ld\n",
	       (unsigned long long)count, t_first, t_index, worst, t_last, t_filter,
	       (unsigned long long)capmatch_count(m), t_find, found ? "found" : "none", (unsigned long long)at, t_cond,
	       found2 ? "found" : "none", (unsigned long long)at2, peak_kib());
	capmatch_free(m);
	capindex_close(ix);
}

int main(int argc, char **argv)
{
	struct capindex *ix;

	if (argc < 3) {
		fprintf(stderr, "usage: capbrowse FILE info | frame N... | filter EXPR | find QUERY FROM [back] | bench FILTER TEXT COND\n");
		return 2;
	}
	if (strcmp(argv[2], "bench") == 0 && argc == 6) {
		bench(argv[1], argv[3], argv[4], argv[5]);
		return 0;
	}
	ix = capindex_open(argv[1], err, sizeof(err));
	if (!ix)
		die("open");
	if (strcmp(argv[2], "info") == 0) {
		info(ix);
	} else if (strcmp(argv[2], "frame") == 0) {
		double worst;

		index_all(ix, &worst);
		for (int i = 3; i < argc; i++)
			print_frame(ix, strcmp(argv[i], "last") == 0 ? capindex_count(ix) : strtoull(argv[i], NULL, 10));
	} else if (strcmp(argv[2], "filter") == 0 && argc == 4) {
		filter(ix, argv[3]);
	} else if (strcmp(argv[2], "findall") == 0 && argc == 4) {
		find_all(ix, argv[3]);
	} else if (strcmp(argv[2], "find") == 0 && argc >= 5) {
		find(ix, argv[3], strtoull(argv[4], NULL, 10), argc > 5 && strcmp(argv[5], "back") == 0);
	} else {
		fprintf(stderr, "capbrowse: unknown command %s\n", argv[2]);
		return 2;
	}
	capindex_close(ix);
	return 0;
}
