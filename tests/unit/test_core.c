/* test_core.c — the event loop (timers, signals, fds, no polling), address sets, options, checksums. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <cmocka.h>

#include "addrset.h"
#include "checksum.h"
#include "loop.h"
#include "options.h"
#include "pcapout.h"
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>

static int fired;

static void count_timer(struct loop *loop, int timer, void *arg)
{
	(void)timer;
	if (++fired == *(int *)arg)
		loop_stop(loop, 7);
}

static void timers_fire_and_stop_the_loop(void **state)
{
	struct loop *loop = loop_new();
	int want = 3;

	(void)state;
	fired = 0;
	assert_true(loop_add_timer(loop, 1000000, 1000000, count_timer, &want) >= 0);
	assert_int_equal(loop_run(loop), 7);
	assert_int_equal(fired, 3);
	/* three ticks need three wake-ups, not a busy loop */
	assert_in_range(loop_wakeups(loop), 3, 4);
	loop_free(loop);
}

static void on_sig(struct loop *loop, int signo, void *arg)
{
	*(int *)arg = signo;
	loop_stop(loop, 0);
}

static void signals_arrive_through_the_loop(void **state)
{
	struct loop *loop = loop_new();
	int sigs[] = { SIGUSR1 }, got = 0;

	(void)state;
	assert_int_equal(loop_add_signals(loop, sigs, 1, on_sig, &got), 0);
	kill(getpid(), SIGUSR1);
	loop_run(loop);
	assert_int_equal(got, SIGUSR1);
	loop_free(loop);
}

static void on_readable(struct loop *loop, int fd, uint32_t events, void *arg)
{
	char c;

	(void)events;
	assert_int_equal(read(fd, &c, 1), 1);
	*(char *)arg = c;
	loop_stop(loop, 0);
}

static void fds_dispatch_to_their_handler(void **state)
{
	struct loop *loop = loop_new();
	int p[2];
	char got = 0;

	(void)state;
	assert_int_equal(pipe(p), 0);
	assert_int_equal(loop_add_fd(loop, p[0], EPOLLIN, on_readable, &got), 0);
	assert_int_equal(loop_add_fd(loop, p[0], EPOLLIN, on_readable, &got), -EEXIST);
	assert_int_equal(write(p[1], "x", 1), 1);
	loop_run(loop);
	assert_int_equal(got, 'x');
	assert_int_equal(loop_del_fd(loop, p[0]), 0);
	close(p[0]);
	close(p[1]);
	loop_free(loop);
}

static void addrset_knows_own_and_peers(void **state)
{
	struct addrset set = { 0 };
	struct dev_addr a;
	uint8_t ip[16];

	(void)state;
	assert_int_equal(addrset_parse_cidr("10.18.0.1/24", &a), 0);
	assert_int_equal(a.prefixlen, 24);
	addrset_add(&set, &a);
	assert_int_equal(addrset_parse_cidr("fd00::1/64", &a), 0);
	addrset_add(&set, &a);
	addrset_add(&set, &a);
	assert_int_equal(set.n, 2);
	inet_pton(AF_INET, "10.18.0.3", ip);
	assert_true(addrset_is_peer(&set, AF_INET, ip));
	inet_pton(AF_INET, "10.18.0.1", ip);
	assert_false(addrset_is_peer(&set, AF_INET, ip));
	assert_true(addrset_is_own(&set, AF_INET, ip));
	inet_pton(AF_INET, "10.18.0.0", ip);
	assert_false(addrset_is_peer(&set, AF_INET, ip));
	inet_pton(AF_INET, "10.18.1.3", ip);
	assert_false(addrset_is_peer(&set, AF_INET, ip));
	inet_pton(AF_INET6, "fd00::ffff", ip);
	assert_true(addrset_is_peer(&set, AF_INET6, ip));
	assert_int_equal(addrset_default_peer(&set, AF_INET, ip), 0);
	assert_int_equal(ip[3], 2);
	assert_int_equal(addrset_parse_cidr("10.18.0.1/33", &a), -EINVAL);
	assert_int_equal(addrset_parse_cidr("10.18.0/24", &a), -EINVAL);
	assert_int_equal(addrset_parse_cidr("fd00::1/", &a), -EINVAL);
	assert_int_equal(addrset_parse_cidr("/24", &a), -EINVAL);
	addrset_free(&set);
}

/* No fixed cap: a device with hundreds of addresses keeps every one as its own. */
static void addrset_grows_without_cap(void **state)
{
	struct addrset set = { 0 }, copy = { 0 };
	struct dev_addr a = { .family = AF_INET, .prefixlen = 16 };
	uint8_t ip[16] = { 10, 20, 0, 0 };

	(void)state;
	for (int i = 0; i < 300; i++) {
		a.addr[0] = 10, a.addr[1] = 20, a.addr[2] = (uint8_t)(i / 250), a.addr[3] = (uint8_t)(1 + i % 250);
		assert_int_equal(addrset_add(&set, &a), 0);
	}
	assert_int_equal(set.n, 300);
	assert_int_equal(addrset_copy(&copy, &set), 0);
	assert_int_equal(copy.n, 300);
	ip[2] = 1, ip[3] = 50;		/* the 300th address */
	assert_true(addrset_is_own(&copy, AF_INET, ip));
	assert_false(addrset_is_peer(&copy, AF_INET, ip));
	addrset_clear(&set);
	assert_int_equal(set.n, 0);
	assert_true(addrset_is_own(&copy, AF_INET, ip));
	addrset_free(&set);
	addrset_free(&copy);
}

static void options_defaults_and_errors(void **state)
{
	struct options o;
	char err[512];
	char *ok[] = { "tapscope", "--tun", "-a", "fd00::1/64", "--echo", "-c", "5", "--inject", "icmp", NULL };
	char *bad_count[] = { "tapscope", "-c", "0", NULL };
	char *bad_addr[] = { "tapscope", "--addr=1.2.3.4/40", NULL };
	char *attach_addr[] = { "tapscope", "--attach", "-a", "10.0.0.1/24", NULL };
	char *deflt[] = { "tapscope", NULL };
	char *two[] = { "tapscope", "-i", "tap0", "-i", "tun0", "--tun", NULL };
	char *twice[] = { "tapscope", "-i", "tap0", "-i", "tap0", NULL };

	(void)state;
	memset(&o, 0, sizeof(o));
	assert_int_equal(options_parse(&o, 9, ok, err, sizeof(err)), 0);
	assert_true(o.devs[0].dev.tun);
	assert_string_equal(o.devs[0].dev.name, "tun0");
	assert_int_equal(o.devs[0].addrs.n, 1);
	assert_int_equal(o.count, 5);
	assert_int_equal(o.ninject, 1);
	options_free(&o);
	assert_int_equal(options_parse(&o, 1, deflt, err, sizeof(err)), 0);
	assert_int_equal(o.ndevs, 1);
	assert_string_equal(o.devs[0].dev.name, "tap0");
	assert_int_equal(o.devs[0].addrs.n, 1);
	assert_int_equal(o.devs[0].addrs.a[0].prefixlen, 24);
	/* each device takes the options after its -i; the Nth gets 10.18.N.1/24 */
	options_free(&o);
	assert_int_equal(options_parse(&o, 6, two, err, sizeof(err)), 0);
	assert_int_equal(o.ndevs, 2);
	assert_string_equal(o.devs[0].dev.name, "tap0");
	assert_false(o.devs[0].dev.tun);
	assert_string_equal(o.devs[1].dev.name, "tun0");
	assert_true(o.devs[1].dev.tun);
	assert_int_equal(o.devs[1].addrs.a[0].addr[2], 1);
	options_free(&o);
	assert_int_equal(options_parse(&o, 5, twice, err, sizeof(err)), -EINVAL);
	assert_non_null(strstr(err, "given twice"));
	options_free(&o);
	assert_int_equal(options_parse(&o, 3, bad_count, err, sizeof(err)), -EINVAL);
	assert_non_null(strstr(err, "bad count '0'"));
	options_free(&o);
	assert_int_equal(options_parse(&o, 2, bad_addr, err, sizeof(err)), -EINVAL);
	assert_non_null(strstr(err, "1.2.3.4/40"));
	options_free(&o);
	assert_int_equal(options_parse(&o, 4, attach_addr, err, sizeof(err)), -EINVAL);
	assert_non_null(strstr(err, "--attach"));
	options_free(&o);
}

/* The pcap writer knows what the file holds: all of it when writes succeed, nothing (and the
 * cause, told once) when every write fails. */
static void pcapout_counts_what_the_file_holds(void **state)
{
	static uint8_t data[1500];
	struct frame f = { .dlt = DLT_EN10MB, .data = data, .caplen = 98, .len = 98 };
	struct pcapout_stats st;
	char path[] = "/tmp/tapscope-unit-XXXXXX", err[512], msg[512];
	struct pcapout *w;
	pcap_t *p;
	struct pcap_pkthdr *h;
	const u_char *d;
	int fd = mkstemp(path), n = 0;

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	w = pcapout_open(path, DLT_EN10MB, err, sizeof(err));
	assert_non_null(w);
	for (int i = 0; i < 5000; i++) {
		f.caplen = f.len = (uint32_t)(60 + i % 1400);	/* records of many sizes, across buffer flushes */
		pcapout_write(w, &f);
	}
	assert_int_equal(pcapout_take_error(w, msg, sizeof(msg)), 0);
	assert_int_equal(pcapout_end(w, &st), 0);
	assert_int_equal(st.frames, 5000);
	assert_int_equal(st.held, 5000);
	p = pcap_open_offline(path, err);
	assert_non_null(p);
	while (pcap_next_ex(p, &h, &d) == 1)
		n++;
	pcap_close(p);
	unlink(path);
	assert_int_equal(n, 5000);

	w = pcapout_open("/dev/full", DLT_EN10MB, err, sizeof(err));
	assert_non_null(w);
	pcapout_write(w, &f);
	pcapout_flush(w);
	assert_int_equal(pcapout_take_error(w, msg, sizeof(msg)), -ENOSPC);
	assert_non_null(strstr(msg, "writing /dev/full failed: No space left on device"));
	assert_int_equal(pcapout_take_error(w, msg, sizeof(msg)), 0);	/* told once */
	pcapout_write(w, &f);
	assert_int_equal(pcapout_end(w, &st), -ENOSPC);
	assert_int_equal(st.frames, 2);
	assert_int_equal(st.held, 0);
	assert_non_null(strstr(pcapout_describe(&st, msg, sizeof(msg)), "/dev/full holds 0 of 2 frames: writing it failed"));
}

static void checksum_matches_rfc1071_example(void **state)
{
	/* RFC 1071 section 3: 00 01 f2 03 f4 f5 f6 f7 sums to 0xddf2 (complement 0x220d) */
	const uint8_t data[] = { 0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7 };

	(void)state;
	assert_int_equal(csum_buf(data, sizeof(data)), 0x220d);
	assert_int_equal(csum_buf(data, 3), (uint16_t)~(0x0001 + 0xf200));
}

/* csum_add adds eight bytes at a time in host order: it must give what adding the big-endian
 * 16-bit words one by one gives, for every length, alignment, starting sum and content (the
 * all-zero and all-0xff buffers included: 0x0000 and 0xffff are different texts in the tree). */
static uint32_t csum_add_by_words(uint32_t sum, const uint8_t *p, size_t len)
{
	uint64_t s = sum;

	for (; len >= 2; p += 2, len -= 2)
		s += (uint32_t)(p[0] << 8 | p[1]);
	if (len)
		s += (uint32_t)(p[0] << 8);
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint32_t)s;
}

/* len test bytes at p: all zeros, all ones (the sums whose result is a zero of either form), or
 * random, as kind says; seed moves on. */
static void fill_checksum_bytes(uint8_t *p, size_t len, int kind, uint32_t *seed)
{
	for (size_t i = 0; i < len; i++) {
		*seed = *seed * 1103515245u + 12345u;
		p[i] = kind == 0 ? 0 : kind == 1 ? 0xff : (uint8_t)(*seed >> 16);
	}
}

static void checksum_by_words_and_at_once_agree(void **state)
{
	static uint8_t buf[2100];
	uint32_t seed = 7;

	(void)state;
	for (int t = 0; t < 200000; t++) {
		size_t len, off;
		uint32_t sum;
		int kind;

		seed = seed * 1103515245u + 12345u;
		len = (seed >> 8) % (t % 100 ? 70 : 2048);
		off = (seed >> 4) % 8;
		kind = (int)((seed >> 20) % 4);
		sum = t % 3 ? (seed >> 3) % (t % 5 ? 0x30000u : 0xffffffffu) : 0;
		fill_checksum_bytes(buf + off, len, kind, &seed);
		assert_int_equal(csum_add(sum, buf + off, len), csum_add_by_words(sum, buf + off, len));
	}
}

/* csum_verify sums once and takes the field out by subtraction: the "correct" value it reports
 * must be what summing the bytes without the field gives, zeros (two forms of it) included. */
static void checksum_verify_correct_value_agrees(void **state)
{
	static uint8_t buf[2100];
	uint32_t seed = 11;

	(void)state;
	for (int t = 0; t < 200000; t++) {
		size_t len, coff;
		uint32_t sum;
		uint16_t correct, want;
		int kind, good;

		seed = seed * 1103515245u + 12345u;
		len = 2 + (seed >> 8) % (t % 100 ? 70 : 2048);
		coff = (seed >> 4) % (len - 1);
		kind = (int)((seed >> 20) % 4);
		sum = t % 3 ? (seed >> 3) % 0x30000u : 0;
		fill_checksum_bytes(buf, len, kind, &seed);
		if (t % 2) {	/* half of them with the right checksum in place */
			buf[coff] = buf[coff + 1] = 0;
			want = csum_fold(csum_add(sum, buf, len));
			buf[coff] = (uint8_t)(want >> 8);
			buf[coff + 1] = (uint8_t)want;
		}
		want = csum_fold(csum_add(csum_add(sum, buf, coff), buf + coff + 2, len - coff - 2));
		good = csum_verify(sum, buf, len, coff, &correct);
		assert_int_equal(correct, want);
		assert_int_equal(good, csum_fold(csum_add(sum, buf, len)) == 0);
		if (t % 2 && !(coff & 1))
			assert_true(good);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(timers_fire_and_stop_the_loop),
		cmocka_unit_test(signals_arrive_through_the_loop),
		cmocka_unit_test(fds_dispatch_to_their_handler),
		cmocka_unit_test(addrset_knows_own_and_peers),
		cmocka_unit_test(addrset_grows_without_cap),
		cmocka_unit_test(options_defaults_and_errors),
		cmocka_unit_test(checksum_matches_rfc1071_example),
		cmocka_unit_test(checksum_verify_correct_value_agrees),
		cmocka_unit_test(checksum_by_words_and_at_once_agree),
		cmocka_unit_test(pcapout_counts_what_the_file_holds),
	};
	return cmocka_run_group_tests_name("core", tests, NULL, NULL);
}
