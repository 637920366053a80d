/* test_ui_row.c — the list's columns of a frame: every decode_proto has a Protocol column name,
 * and the golden captures' rows say what tshark's Protocol, Source and Destination columns say
 * (innermost layer for tunnels); run from the top directory, as make check and tests/run.sh do.
 * "test_ui_row FILE" prints a file's columns, to compare with tshark by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <pcap/pcap.h>

#include "ui.h"
#include "ui_row.h"

/* The columns of frame number num (1-based) of a capture; 0 when the file has no such frame. */
static int columns_of(const char *path, int num, struct row_cols *c)
{
	static struct decoded d;
	char err[PCAP_ERRBUF_SIZE];
	struct pcap_pkthdr *h;
	const u_char *data;
	pcap_t *p = pcap_open_offline(path, err);
	int n = 0, found = 0;

	if (!p)
		return 0;
	while (!found && pcap_next_ex(p, &h, &data) == 1) {
		struct frame f = { .number = (uint64_t)++n, .ts = h->ts, .dlt = pcap_datalink(p), .data = data,
				   .caplen = h->caplen, .len = h->len };

		if (n == num) {
			decode_frame(&d, &f);
			row_columns(&d, c);
			found = 1;
		}
	}
	pcap_close(p);
	return found;
}

static void every_layer_has_a_column(void **state)
{
	(void)state;
	for (int p = 0; p < PROTO_COUNT; p++) {
		const char *name = row_proto_column((enum decode_proto)p);

		assert_non_null(name);
		assert_true(name[0] && strcmp(name, "?"));
	}
	assert_null(row_proto_column(PROTO_COUNT));
}

/* Frames of the golden captures with tshark's Protocol, Source and Destination columns. */
static const struct { const char *file; int num; const char *proto, *src, *dst; } rows[] = {
	{ "l2tp-ctrl.pcap", 1, "L2TP", "192.0.2.1", "192.0.2.2" },
	{ "l2tp-ctrl.pcap", 4, "L2TPv3", "192.0.2.1", "192.0.2.2" },
	{ "l2tp-data.pcap", 1, "ICMP", "172.16.1.1", "172.16.2.1" },
	{ "l2tp-data.pcap", 3, "PPP LCP", "192.0.2.1", "192.0.2.2" },
	{ "ah.pcap", 2, "ICMP", "172.16.1.1", "172.16.2.1" },
	{ "gre-eth.pcap", 2, "ICMPv6", "fd00::1", "fd00::3" },
	{ "vxlan.pcap", 2, "VxLAN", "192.0.2.1", "192.0.2.2" },
	{ "ipip.pcap", 2, "ICMPv6", "fd00::1", "fd00::3" },
	{ "geneve.pcap", 1, "ICMP", "172.16.1.1", "172.16.2.1" },
	{ "icmp-err-dns.pcap", 1, "ICMP", "10.18.0.3", "10.18.0.1" },
};

static void golden_rows_match_tshark(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct row_cols c = { 0 };
		char path[256];

		snprintf(path, sizeof(path), "tests/golden/%s", rows[i].file);
		assert_true(columns_of(path, rows[i].num, &c));
		assert_string_equal(c.proto, rows[i].proto);
		assert_string_equal(c.src, rows[i].src);
		assert_string_equal(c.dst, rows[i].dst);
	}
}

/* An ICMP packet inside L2TP (UDP 1701): the Info column has no ports, they are the tunnel's. */
static void tunnel_ports_stay_out(void **state)
{
	struct row_cols c = { 0 };

	(void)state;
	assert_true(columns_of("tests/golden/l2tp-data.pcap", 1, &c));
	assert_false(c.info[0] >= '0' && c.info[0] <= '9');
	/* Info is the innermost packet's, past its "IP a > b: " (the tunnel's text is not the row's) */
	assert_string_equal(c.info, "ICMP echo request, id 7, seq 1, length 40");
	assert_true(columns_of("tests/golden/pppoe.pcap", 2, &c));
	assert_string_equal(c.info, "ICMP echo request, id 7, seq 1, length 40");
	assert_true(columns_of("tests/golden/l2tp-ctrl.pcap", 1, &c));
	assert_true(c.info[0] >= '0' && c.info[0] <= '9');	/* L2TP's own UDP ports */
}

static int print_file(const char *path)
{
	struct row_cols c;

	for (int n = 1; columns_of(path, n, &c); n++)
		printf("%d\t%s\t%s\t%s\n", n, c.proto, c.src, c.dst);
	return 0;
}

/* The "tcpdump -r PATH" after a save: a path with a space or a quote still pastes as one word. */
static void shell_words_paste_back(void **state)
{
	char w[64];

	(void)state;
	assert_string_equal(ui_shell_word("/tmp/tapscope-20261202.pcap", w, sizeof(w)), "/tmp/tapscope-20261202.pcap");
	assert_string_equal(ui_shell_word("/root/x y.pcapng", w, sizeof(w)), "'/root/x y.pcapng'");
	assert_string_equal(ui_shell_word("it's.pcap", w, sizeof(w)), "'it'\\''s.pcap'");
	assert_string_equal(ui_shell_word("$HOME/a.pcap", w, sizeof(w)), "'$HOME/a.pcap'");
	assert_string_equal(ui_shell_word("", w, sizeof(w)), "''");
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shell_words_paste_back),
		cmocka_unit_test(every_layer_has_a_column),
		cmocka_unit_test(golden_rows_match_tshark),
		cmocka_unit_test(tunnel_ports_stay_out),
	};

	if (argc == 2)
		return print_file(argv[1]);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
