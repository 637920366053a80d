/* test_nlstatus.c — the --status printers (text and JSON) and the one-line formatters, from hand-built snapshots. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <linux/if.h>
#include <linux/if_addr.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nlfmt.h"
#include "nlstatus.h"

static struct nl_snapshot snap;

static void build(void)
{
	nlsnap_clear(&snap);
	assert_int_equal(nlsnap_reserve(&snap, 8, 8, 8), 0);	/* the model sizes them to fit; here 8 do */
	memset(snap.addrs, 0, 8 * sizeof(snap.addrs[0]));
	memset(snap.routes, 0, 8 * sizeof(snap.routes[0]));
	memset(snap.neighs, 0, 8 * sizeof(snap.neighs[0]));
	strcpy(snap.ifname, "tap0");
	snap.link.present = 1;
	snap.link.ifindex = 7;
	strcpy(snap.link.name, "tap0");
	strcpy(snap.link.kind, "tap");
	snap.link.flags = IFF_UP | IFF_BROADCAST | IFF_MULTICAST;
	snap.link.operstate = 2;
	snap.link.mtu = 1500;
	snap.link.txqlen = 1000;
	strcpy(snap.link.qdisc, "pfifo_fast");
	snap.tun.valid = 1;
	snap.tun.is_tap = 1;
	snap.tun.persist = 1;
	snap.tun.owner = 1000;
	snap.tun.group = -1;
	snap.tun.num_queues = snap.tun.num_disabled_queues = -1;
	snap.tun.nholders = 1;
	snap.tun.holders[0].pid = 4242;
	snap.tun.holders[0].fd = 5;
	strcpy(snap.tun.holders[0].comm, "we\"ird\\name");
	snap.naddrs = 1;
	snap.addrs[0].family = AF_INET6;
	inet_pton(AF_INET6, "fd00::1", snap.addrs[0].addr);
	snap.addrs[0].prefixlen = 64;
	snap.addrs[0].flags = IFA_F_TENTATIVE | IFA_F_PERMANENT;
	snap.nroutes = 1;
	snap.routes[0].family = AF_INET;
	snap.routes[0].dst_len = 0;
	snap.routes[0].table = RT_TABLE_MAIN;
	snap.routes[0].type = RTN_UNICAST;
	snap.routes[0].protocol = RTPROT_BOOT;
	snap.routes[0].scope = RT_SCOPE_UNIVERSE;
	snap.routes[0].has_gw = 1;
	inet_pton(AF_INET, "10.18.0.3", snap.routes[0].gw);
	snap.routes[0].linkdown = 1;
	snap.nneighs = 1;
	snap.neighs[0].family = AF_INET;
	inet_pton(AF_INET, "10.18.0.3", snap.neighs[0].dst);
	snap.neighs[0].state = NUD_STALE;
	snap.neighs[0].has_lladdr = 1;
	memcpy(snap.neighs[0].lladdr, "\x02\x00\x0a\x12\x00\x03", 6);
	snap.has_counters = 1;
	snap.ctr.tx_dropped = 9;
}

static char *print(int flags)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	nlstatus_print_snapshot(f, &snap, NULL, flags);
	fclose(f);
	return buf;
}

static void test_json(void **state)
{
	char *j;

	(void)state;
	build();
	j = print(NLSTATUS_JSON);
	assert_non_null(strstr(j, "\"flags\":[\"NO-CARRIER\",\"BROADCAST\",\"MULTICAST\",\"UP\"]"));
	assert_non_null(strstr(j, "\"comm\":\"we\\\"ird\\\\name\""));
	assert_non_null(strstr(j, "\"owner\":1000"));
	assert_null(strstr(j, "\"group\""));
	assert_non_null(strstr(j, "\"code\":\"NO-CARRIER\""));
	assert_non_null(strstr(j, "{\"family\":\"inet6\",\"local\":\"fd00::1\",\"prefixlen\":64,\"scope\":\"global\",\"flags\":[\"tentative\"]}"));
	assert_non_null(strstr(j, "\"dst\":\"default\",\"gateway\":\"10.18.0.3\",\"dev\":\"tap0\",\"table\":\"main\",\"protocol\":\"boot\""));
	assert_non_null(strstr(j, "\"flags\":[\"linkdown\"]"));
	assert_non_null(strstr(j, "\"lladdr\":\"02:00:0a:12:00:03\",\"router\":false,\"state\":[\"STALE\"]"));
	assert_non_null(strstr(j, "\"tx\":{\"packets\":0,\"bytes\":0,\"errors\":0,\"dropped\":9}"));
	assert_null(strstr(j, "\"rates\""));
	assert_int_equal(j[strlen(j) - 1], '\n');
	free(j);
}

static void test_text(void **state)
{
	char *t;

	(void)state;
	build();
	t = print(0);
	assert_non_null(strstr(t, "tap0: tap index 7 <NO-CARRIER BROADCAST MULTICAST UP> mtu 1500 qdisc pfifo_fast state DOWN carrier off txqlen 1000\n"));
	assert_non_null(strstr(t, "    tun: type tap pi off vnet_hdr off persist on multi_queue off owner 1000\n"));
	assert_non_null(strstr(t, "    held by: we\"ird\\name[4242] fd 5\n"));
	assert_non_null(strstr(t, "diagnosis:\n    NO-CARRIER: tap0 is open by we\"ird\\name[4242] but its carrier is off"));
	assert_non_null(strstr(t, "    inet6 fd00::1/64 dev tap0 scope global tentative\n"));
	assert_non_null(strstr(t, "    default via 10.18.0.3 dev tap0 linkdown\n"));
	assert_non_null(strstr(t, "    10.18.0.3 dev tap0 lladdr 02:00:0a:12:00:03 STALE\n"));
	assert_non_null(strstr(t, "    tx packets 0 bytes 0 errors 0 dropped 9\n"));
	free(t);
}

static void test_absent(void **state)
{
	char *t;

	(void)state;
	build();
	snap.link.present = 0;
	t = print(0);
	assert_string_equal(t, "tap0: no such device\ndiagnosis:\n    no device tap0 in this namespace\n");
	free(t);
	t = print(NLSTATUS_JSON);
	assert_string_equal(t, "{\"ifname\":\"tap0\",\"present\":false,\"diagnosis\":[{\"code\":\"NO-DEVICE\",\"level\":\"block\","
			       "\"text\":\"no device tap0 in this namespace\"}]}\n");
	free(t);
}

static void test_formatters(void **state)
{
	struct snap_route r = { .family = AF_INET6, .dst_len = 128, .table = RT_TABLE_LOCAL, .type = RTN_LOCAL,
				.protocol = RTPROT_KERNEL, .scope = RT_SCOPE_HOST, .has_metric = 1, .metric = 0 };
	char buf[160];

	(void)state;
	inet_pton(AF_INET6, "fd00::1", r.dst);
	nlfmt_route_line(&r, "tap0", buf, sizeof(buf));
	assert_string_equal(buf, "local fd00::1 dev tap0 table local proto kernel scope host metric 0");
	/* truncation keeps the buffer terminated and reports the full length */
	assert_int_equal(nlfmt_route_line(&r, "tap0", buf, 10), (int)strlen("local fd00::1 dev tap0 table local proto kernel scope host metric 0"));
	assert_int_equal(strlen(buf), 9);
	assert_string_equal(nlfmt_nud(NUD_NONE, buf, sizeof(buf)), "NONE");
	assert_string_equal(nlfmt_nud(NUD_REACHABLE | NUD_PERMANENT, buf, sizeof(buf)), "REACHABLE PERMANENT");
	assert_string_equal(nlfmt_addr_flags(AF_INET, 0, buf, sizeof(buf)), "dynamic");
	assert_string_equal(nlfmt_addr_flags(AF_INET6, IFA_F_PERMANENT | IFA_F_DADFAILED | IFA_F_TENTATIVE, buf, sizeof(buf)),
			    "dadfailed tentative");
	assert_string_equal(nlfmt_scope(200, buf, sizeof(buf)), "site");
	assert_string_equal(nlfmt_scope(42, buf, sizeof(buf)), "42");
	assert_string_equal(nlfmt_operstate(99), "UNKNOWN");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_absent),
		cmocka_unit_test(test_formatters),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
