/* test_diagnose.c — the diagnosis verdicts, from hand-built snapshots (no kernel). */
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
#include <string.h>

#include "diagnose.h"
#include "nlevent.h"
#include "nlfmt.h"

static struct nl_snapshot snap;

/* A tap held by one reader, up, with carrier, 10.18.0.1/24 and its prefix route: all well. */
static void healthy(void)
{
	nlsnap_clear(&snap);
	assert_int_equal(nlsnap_reserve(&snap, 8, 8, 8), 0);	/* the model sizes them to fit; here 8 do */
	memset(snap.addrs, 0, 8 * sizeof(snap.addrs[0]));
	memset(snap.routes, 0, 8 * sizeof(snap.routes[0]));
	memset(snap.neighs, 0, 8 * sizeof(snap.neighs[0]));
	strcpy(snap.ifname, "tap0");
	snap.link.present = 1;
	snap.link.ifindex = 2;
	strcpy(snap.link.name, "tap0");
	snap.link.flags = IFF_UP | IFF_LOWER_UP | IFF_BROADCAST | IFF_MULTICAST;
	snap.link.carrier = 1;
	snap.link.operstate = 6;
	snap.link.mtu = 1500;
	snap.tun.valid = 1;
	snap.tun.is_tap = 1;
	snap.tun.owner = snap.tun.group = -1;
	snap.tun.num_queues = snap.tun.num_disabled_queues = -1;
	snap.tun.nholders = 1;
	snap.tun.holders[0].pid = 42;
	strcpy(snap.tun.holders[0].comm, "tapscope");
	snap.naddrs = 1;
	snap.addrs[0].family = AF_INET;
	inet_pton(AF_INET, "10.18.0.1", snap.addrs[0].addr);
	snap.addrs[0].prefixlen = 24;
	snap.nroutes = 1;
	snap.routes[0].family = AF_INET;
	inet_pton(AF_INET, "10.18.0.0", snap.routes[0].dst);
	snap.routes[0].dst_len = 24;
	snap.routes[0].table = RT_TABLE_MAIN;
	snap.routes[0].type = RTN_UNICAST;
	snap.routes[0].protocol = RTPROT_KERNEL;
	snap.routes[0].scope = RT_SCOPE_LINK;
}

static struct diag_verdict v[DIAG_MAX];

static int run(const struct diag_target *t)
{
	return diagnose_run(&snap, t, v, DIAG_MAX);
}

static int has(int n, enum diag_code code)
{
	for (int i = 0; i < n; i++)
		if (v[i].code == code)
			return 1;
	return 0;
}

static void test_ok(void **state)
{
	(void)state;
	healthy();
	assert_int_equal(run(NULL), 1);
	assert_int_equal(v[0].code, DIAG_OK);
	assert_string_equal(v[0].text, "OK: tap0 is up with carrier, has an address and a route to its peers in 10.18.0.0/24");
}

/* The kernel's route lookup (s->lookup) says where the peer's traffic leaves: another device
 * wins over the device's own route (the same subnet on two devices), or takes what the device
 * has no route for; the device itself, or no answer, changes nothing. */
static void test_route_elsewhere(void **state)
{
	struct diag_target t = { .family = AF_INET };
	int n;

	(void)state;
	healthy();
	inet_pton(AF_INET, "10.18.0.3", t.addr);
	snap.lookup.family = AF_INET;
	memcpy(snap.lookup.addr, t.addr, 4);
	snap.lookup.ifindex = 3;
	strcpy(snap.lookup.ifname, "tap1");
	n = run(&t);
	assert_int_equal(v[0].code, DIAG_ROUTE_ELSEWHERE);
	assert_int_equal(v[0].level, DIAG_BLOCK);
	assert_string_equal(v[0].text, "traffic for 10.18.0.3 leaves by tap1, not tap0 (ip route get 10.18.0.3) — "
				       "give tap0 a subnet no other device has");
	assert_false(has(n, DIAG_OK));
	assert_string_equal(diagnose_code_name(DIAG_ROUTE_ELSEWHERE), "ROUTE-ELSEWHERE");
	snap.nroutes = 0;	/* no route of its own: still the other device's, not NO-ROUTE */
	assert_int_equal(run(&t), 1);
	assert_int_equal(v[0].code, DIAG_ROUTE_ELSEWHERE);
	snap.nroutes = 1;
	snap.lookup.ifindex = 2;	/* the device itself */
	assert_int_equal(run(&t), 1);
	assert_int_equal(v[0].code, DIAG_OK);
	snap.lookup.ifindex = 3;	/* an answer for another address: not this target's */
	inet_pton(AF_INET, "10.18.0.2", snap.lookup.addr);
	assert_int_equal(run(&t), 1);
	assert_int_equal(v[0].code, DIAG_OK);
	/* no target: the default peer (10.18.0.2) is judged, and the answer for it counts */
	assert_int_equal(run(NULL), 1);
	assert_int_equal(v[0].code, DIAG_ROUTE_ELSEWHERE);
	memset(&snap.lookup, 0, sizeof(snap.lookup));
}

static void test_no_device(void **state)
{
	(void)state;
	healthy();
	snap.link.present = 0;
	assert_int_equal(run(NULL), 1);
	assert_int_equal(v[0].code, DIAG_NO_DEVICE);
}

static void test_no_carrier_nobody_attached(void **state)
{
	(void)state;
	healthy();
	/* `ip tuntap add` + `ip addr add` + up: nobody holds it */
	snap.link.flags &= ~(unsigned)IFF_LOWER_UP;
	snap.link.carrier = 0;
	snap.tun.nholders = 0;
	snap.routes[0].linkdown = 1;
	assert_int_equal(run(NULL), 1);
	assert_int_equal(v[0].code, DIAG_NO_CARRIER);
	assert_int_equal(v[0].level, DIAG_BLOCK);
	assert_string_equal(v[0].text, "NO-CARRIER: no program has tap0 open — tcpdump will see nothing; attach a reader");
}

static void test_no_carrier_held_but_off(void **state)
{
	(void)state;
	healthy();
	snap.link.carrier = 0;
	assert_int_equal(run(NULL), 1);
	assert_int_equal(v[0].code, DIAG_NO_CARRIER);
	assert_non_null(strstr(v[0].text, "open by tapscope[42]"));
	assert_non_null(strstr(v[0].text, "carrier is off"));
}

static void test_no_carrier_not_tun(void **state)
{
	(void)state;
	healthy();
	snap.tun.valid = 0;
	snap.link.carrier = 0;
	run(NULL);
	assert_int_equal(v[0].code, DIAG_NO_CARRIER);
	assert_null(strstr(v[0].text, "no program"));
}

static void test_queue_detached(void **state)
{
	(void)state;
	healthy();
	snap.tun.multi_queue = 1;
	snap.tun.num_queues = 0;
	snap.tun.num_disabled_queues = 1;
	assert_int_equal(run(NULL), 1);
	assert_int_equal(v[0].code, DIAG_QUEUE_DETACHED);
	snap.link.carrier = 0;
	run(NULL);
	assert_int_equal(v[0].code, DIAG_NO_CARRIER);
	assert_non_null(strstr(v[0].text, "detached"));
}

static void test_admin_down_first(void **state)
{
	int n;

	(void)state;
	healthy();
	snap.link.flags &= ~(unsigned)(IFF_UP | IFF_LOWER_UP);
	snap.link.carrier = 0;
	snap.tun.nholders = 0;
	n = run(NULL);
	assert_true(n >= 2);
	assert_int_equal(v[0].code, DIAG_ADMIN_DOWN);
	assert_string_equal(v[0].text, "admin DOWN: tap0 is down — set it up");
	assert_int_equal(v[1].code, DIAG_NO_CARRIER);
}

static void test_no_address(void **state)
{
	int n;

	(void)state;
	healthy();
	snap.naddrs = 0;
	snap.nroutes = 0;
	n = run(NULL);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].code, DIAG_NO_ADDRESS);
	/* an IPv6 link-local address alone is no address to talk to */
	snap.naddrs = 1;
	snap.addrs[0].family = AF_INET6;
	inet_pton(AF_INET6, "fe80::1", snap.addrs[0].addr);
	snap.addrs[0].prefixlen = 64;
	assert_int_equal(run(NULL), 1);
	assert_int_equal(v[0].code, DIAG_NO_ADDRESS);
	/* a global one is */
	inet_pton(AF_INET6, "fd00::1", snap.addrs[0].addr);
	assert_int_equal(run(NULL), 1);
	assert_int_equal(v[0].code, DIAG_OK);
}

static void test_dad_failed(void **state)
{
	int n;

	(void)state;
	healthy();
	snap.naddrs = 2;
	snap.addrs[1].family = AF_INET6;
	inet_pton(AF_INET6, "fd00::1", snap.addrs[1].addr);
	snap.addrs[1].prefixlen = 64;
	snap.addrs[1].flags = IFA_F_DADFAILED | IFA_F_TENTATIVE;
	n = run(NULL);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].code, DIAG_DAD_FAILED);
	assert_non_null(strstr(v[0].text, "fd00::1"));
}

static void test_no_route(void **state)
{
	struct diag_target t = { .family = AF_INET };

	(void)state;
	healthy();
	inet_pton(AF_INET, "10.18.0.3", t.addr);
	assert_int_equal(run(&t), 1);
	assert_int_equal(v[0].code, DIAG_OK);
	/* the prefix route is gone (noprefixroute, or deleted) */
	snap.nroutes = 0;
	assert_int_equal(run(&t), 1);
	assert_int_equal(v[0].code, DIAG_NO_ROUTE);
	assert_string_equal(v[0].text, "no route to 10.18.0.3 via tap0");
	/* without a target, the first peer of the subnet is asked for */
	run(NULL);
	assert_string_equal(v[0].text, "no route to 10.18.0.2 via tap0");
	/* a target outside every route, while the subnet route is there */
	healthy();
	inet_pton(AF_INET, "192.0.2.7", t.addr);
	run(&t);
	assert_int_equal(v[0].code, DIAG_NO_ROUTE);
	/* ... until a default route via the device covers it */
	snap.nroutes = 2;
	snap.routes[1] = snap.routes[0];
	memset(snap.routes[1].dst, 0, 16);
	snap.routes[1].dst_len = 0;
	run(&t);
	assert_int_equal(v[0].code, DIAG_OK);
}

static void test_neigh_failed(void **state)
{
	struct diag_target t = { .family = AF_INET };
	int n;

	(void)state;
	healthy();
	snap.nneighs = 1;
	snap.neighs[0].family = AF_INET;
	inet_pton(AF_INET, "10.18.0.3", snap.neighs[0].dst);
	snap.neighs[0].state = NUD_FAILED;
	n = run(NULL);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].code, DIAG_NEIGH_FAILED);
	assert_string_equal(v[0].text, "ARP for 10.18.0.3 FAILED: nobody answered (turn on neighbour answers)");
	/* the answers exist but wait in the outbox on hold: said so, not "turn on" */
	t.family = AF_INET;
	inet_pton(AF_INET, "10.18.0.3", t.addr);
	t.held = 2;
	run(&t);
	assert_string_equal(v[0].text, "ARP for 10.18.0.3 FAILED: the answers wait in the outbox, on hold (2 held: release them)");
	t.held = 0;
	/* asking about another peer: this failure is not its problem */
	inet_pton(AF_INET, "10.18.0.4", t.addr);
	assert_int_equal(run(&t), 1);
	assert_int_equal(v[0].code, DIAG_OK);
	/* IPv6 says NDP */
	snap.neighs[0].family = AF_INET6;
	inet_pton(AF_INET6, "fd00::3", snap.neighs[0].dst);
	run(NULL);
	assert_string_equal(v[0].text, "NDP for fd00::3 FAILED: nobody answered (turn on neighbour answers)");
	/* REACHABLE is fine, INCOMPLETE is only information */
	snap.neighs[0].state = NUD_REACHABLE;
	run(NULL);
	assert_int_equal(v[0].code, DIAG_OK);
	snap.neighs[0].state = NUD_INCOMPLETE;
	run(NULL);
	assert_int_equal(v[0].code, DIAG_NEIGH_INCOMPLETE);
	assert_int_equal(v[0].level, DIAG_INFO);
}

static void test_tx_dropped(void **state)
{
	(void)state;
	healthy();
	snap.has_counters = 1;
	snap.ctr.tx_dropped = 100;
	/* counters alone say nothing about "rising" */
	assert_int_equal(run(NULL), 1);
	assert_int_equal(v[0].code, DIAG_OK);
	snap.rate.valid = 1;
	snap.rate.tx_dropped = 12;
	assert_int_equal(run(NULL), 1);
	assert_int_equal(v[0].code, DIAG_TX_DROPPED);
	assert_string_equal(v[0].text,
			    "tx_dropped rising (12/s): the kernel drops frames it sends to tap0 — nobody reads them");
	/* together with NO-CARRIER, the cause comes first */
	snap.link.carrier = 0;
	snap.tun.nholders = 0;
	assert_int_equal(run(NULL), 2);
	assert_int_equal(v[0].code, DIAG_NO_CARRIER);
	assert_int_equal(v[1].code, DIAG_TX_DROPPED);
	assert_true(has(2, DIAG_TX_DROPPED));
}

static void test_max_is_respected(void **state)
{
	(void)state;
	healthy();
	snap.link.flags = 0;
	snap.link.carrier = 0;
	snap.naddrs = 0;
	assert_int_equal(diagnose_run(&snap, NULL, v, 1), 1);
	assert_int_equal(v[0].code, DIAG_ADMIN_DOWN);
	assert_int_equal(diagnose_run(&snap, NULL, v, 0), 0);
}

/* The event lines, as the issue spells them. */
static void test_event_lines(void **state)
{
	struct nl_event ev;
	char buf[256];

	(void)state;
	healthy();
	memset(&ev, 0, sizeof(ev));
	strcpy(ev.ifname, "tap0");
	ev.kind = NL_EVENT_LINK;
	ev.action = NL_EVENT_CHANGE;
	ev.u.link = snap.link;
	nlevent_format(&ev, buf, sizeof(buf));
	assert_string_equal(buf, "link tap0 UP LOWER_UP state UP mtu 1500");
	ev.kind = NL_EVENT_ADDR;
	ev.action = NL_EVENT_ADD;
	ev.u.addr = snap.addrs[0];
	nlevent_format(&ev, buf, sizeof(buf));
	assert_string_equal(buf, "addr add 10.18.0.1/24 dev tap0 scope global");
	ev.kind = NL_EVENT_ROUTE;
	ev.u.route = snap.routes[0];
	ev.u.route.has_prefsrc = 1;
	memcpy(ev.u.route.prefsrc, snap.addrs[0].addr, 4);
	nlevent_format(&ev, buf, sizeof(buf));
	assert_string_equal(buf, "route add 10.18.0.0/24 dev tap0 proto kernel scope link src 10.18.0.1");
	ev.kind = NL_EVENT_NEIGH;
	memset(&ev.u.neigh, 0, sizeof(ev.u.neigh));
	ev.u.neigh.family = AF_INET;
	inet_pton(AF_INET, "10.18.0.3", ev.u.neigh.dst);
	ev.u.neigh.has_lladdr = 1;
	memcpy(ev.u.neigh.lladdr, "\x02\x00\x0a\x12\x00\x03", 6);
	ev.u.neigh.state = NUD_REACHABLE;
	nlevent_format(&ev, buf, sizeof(buf));
	assert_string_equal(buf, "neigh add 10.18.0.3 dev tap0 lladdr 02:00:0a:12:00:03 REACHABLE");
	ev.action = NL_EVENT_DEL;
	ev.kind = NL_EVENT_LINK;
	nlevent_format(&ev, buf, sizeof(buf));
	assert_string_equal(buf, "link del tap0");
	assert_string_equal(nlfmt_link_flags(IFF_UP | IFF_BROADCAST | IFF_MULTICAST, buf, sizeof(buf)),
			    "NO-CARRIER BROADCAST MULTICAST UP");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ok),
		cmocka_unit_test(test_no_device),
		cmocka_unit_test(test_no_carrier_nobody_attached),
		cmocka_unit_test(test_no_carrier_held_but_off),
		cmocka_unit_test(test_no_carrier_not_tun),
		cmocka_unit_test(test_queue_detached),
		cmocka_unit_test(test_admin_down_first),
		cmocka_unit_test(test_no_address),
		cmocka_unit_test(test_dad_failed),
		cmocka_unit_test(test_no_route),
		cmocka_unit_test(test_route_elsewhere),
		cmocka_unit_test(test_neigh_failed),
		cmocka_unit_test(test_tx_dropped),
		cmocka_unit_test(test_max_is_respected),
		cmocka_unit_test(test_event_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
