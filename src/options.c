/* options.c — tapscope's command line: one parser for the headless run and the UI. */
#include "options.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
	OPT_TUN = 256, OPT_TAP, OPT_PI, OPT_ATTACH, OPT_PERSIST, OPT_NO_CONFIG, OPT_NETNS,
	OPT_ECHO, OPT_INJECT, OPT_JSON, OPT_EVENTS, OPT_STATUS, OPT_NO_COLOR, OPT_MAX_FRAMES, OPT_LOCAL_ROUTES,
	OPT_HOLD, OPT_CONTROL, OPT_NO_URING, OPT_LESSON, OPT_LESSONS, OPT_PCAPNG, OPT_THEME, OPT_KEYS,
	OPT_USER, OPT_FIELDS,
};

static const struct option long_opts[] = {
	{ "dev", required_argument, NULL, 'i' },
	{ "tun", no_argument, NULL, OPT_TUN },
	{ "tap", no_argument, NULL, OPT_TAP },
	{ "pi", no_argument, NULL, OPT_PI },
	{ "attach", no_argument, NULL, OPT_ATTACH },
	{ "persist", no_argument, NULL, OPT_PERSIST },
	{ "no-config", no_argument, NULL, OPT_NO_CONFIG },
	{ "addr", required_argument, NULL, 'a' },
	{ "netns", required_argument, NULL, OPT_NETNS },
	{ "user", required_argument, NULL, OPT_USER },
	{ "echo", no_argument, NULL, OPT_ECHO },
	{ "inject", required_argument, NULL, OPT_INJECT },
	{ "print", no_argument, NULL, 'p' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "number", no_argument, NULL, '#' },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "events", no_argument, NULL, OPT_EVENTS },
	{ "status", no_argument, NULL, OPT_STATUS },
	{ "no-color", no_argument, NULL, OPT_NO_COLOR },
	{ "max-frames", required_argument, NULL, OPT_MAX_FRAMES },
	{ "local-routes", no_argument, NULL, OPT_LOCAL_ROUTES },
	{ "hold", no_argument, NULL, OPT_HOLD },
	{ "control", required_argument, NULL, OPT_CONTROL },
	{ "no-uring", no_argument, NULL, OPT_NO_URING },
	{ "lesson", required_argument, NULL, OPT_LESSON },
	{ "lessons", no_argument, NULL, OPT_LESSONS },
	{ "theme", required_argument, NULL, OPT_THEME },
	{ "keys", no_argument, NULL, OPT_KEYS },
	{ "fields", no_argument, NULL, OPT_FIELDS },
	{ "write", required_argument, NULL, 'w' },
	{ "pcapng", no_argument, NULL, OPT_PCAPNG },
	{ "read", required_argument, NULL, 'r' },
	{ "filter", required_argument, NULL, 'f' },
	{ "count", required_argument, NULL, 'c' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

const char *options_usage(void)
{
	return
"usage: tapscope [options]\n"
"Creates or attaches to a tun/tap device and is the program at its other end:\n"
"shows every frame the kernel sends into it, answers as simulated peers, injects\n"
"crafted ICMP, and records to pcap.\n"
"\n"
"Device (give -i again for more devices; each takes the device options after it,\n"
"e.g. -i tap0 -i tun0 --tun):\n"
"  -i, --dev NAME      device name (default tap0, or tun0 with --tun)\n"
"      --tap | --tun   Ethernet frames (default) or IP packets\n"
"      --pi            keep the 4-byte packet-information header (default: IFF_NO_PI)\n"
"      --attach        only attach to an existing device, never create one\n"
"      --persist       leave a device this run created behind on exit\n"
"  -a, --addr CIDR     address for a device this run creates (repeatable, IPv4 or\n"
"                      IPv6; default 10.18.N.1/24 for the Nth device, from 0)\n"
"      --no-config     create the device but give it no address and leave it down\n"
"      --netns NAME    work inside network namespace NAME (created if missing and\n"
"                      removed on exit if this run created it)\n"
"      --user NAME     once the device, namespace and pcap file are set up, drop to\n"
"                      user NAME and its groups with no capabilities; actions that\n"
"                      change the device (add an address, detach...) are then refused\n"
"Peers:\n"
"      --echo          peers answer: ARP/NDP for addresses in the device's subnets,\n"
"                      and ICMP/ICMPv6 echo requests\n"
"      --inject SPEC   write a crafted ICMP packet toward the kernel once the device\n"
"                      is up (repeatable), e.g.\n"
"                      'icmp type=echo-request src=10.18.0.3 dst=10.18.0.1 id=7 seq=1'\n"
"      --hold          start with the outbox on hold: replies and injections wait\n"
"                      until released (the release action, or the UI's step mode)\n"
"      --control FILE  run named actions, one a line, read from FILE (a FIFO, or '-'\n"
"                      for stdin): echo on, neigh off, hold on, release, drop 2,\n"
"                      edit 3 SPEC, inject SPEC, cancel 1, jobs, outbox, verdict...\n"
"Capture and output:\n"
"  -p, --print         one line per frame: time, < (kernel sent it) or > (tapscope\n"
"                      wrote it), length, summary\n"
"  -v, --verbose       with --print: the decoded field tree under each line (and why\n"
"                      a request was not answered); -vv adds a sentence on each field\n"
"  -#, --number        with --print: start each line with the frame's number (the\n"
"                      number quote=frame:N and the UI use)\n"
"      --json          one JSON object per frame\n"
"  -w, --write FILE    save every frame to a pcap file (tcpdump -r FILE reads it);\n"
"                      a name ending in .pcapng (or --pcapng) writes pcapng, which\n"
"                      keeps each frame's direction and names the device\n"
"      --pcapng        write -w FILE as pcapng whatever its name\n"
"  -r, --read FILE     decode a pcap/pcapng file instead of a device ('-': stdin)\n"
"  -f, --filter EXPR   BPF filter in tcpdump syntax, e.g. 'icmp or arp'\n"
"  -c, --count N       stop after N frames\n"
"      --no-uring      read the device with read() instead of batched io_uring reads\n"
"Full-screen UI (the default when no output option is given):\n"
"      --max-frames N  frames kept for browsing (default 100000; older ones drop)\n"
"      --no-color      monochrome (so does the NO_COLOR environment variable)\n"
"      --theme NAME    colours: dark (default), contrast (for projectors: no dark\n"
"                      blue, bold text), mono\n"
"      --keys          print every key of the UI (key, where it acts, what it does)\n"
"      --fields        print every field the decoders know: Wireshark's names for find\n"
"Lessons:\n"
"      --lessons       list the built-in lessons (name first)\n"
"      --lesson NAME|FILE  run a lesson (a built-in one, or a lesson file) in its own\n"
"                      namespace and devices: the UI's lesson pane, or with --print\n"
"                      unattended (exit 1 naming the first step that failed)\n"
"Netlink:\n"
"      --status        print what the kernel thinks of the device and exit (read-only)\n"
"      --events        with --print: add link/addr/route/neigh change lines\n"
"      --local-routes  with --status, --events and the UI: the local table's routes too\n"
"  -h, --help          this text;  -V, --version  the version\n"
"\n"
"In the UI, press ? for the keys.\n"
"Example: sudo tapscope --netns demo --echo --print -w /tmp/demo.pcap\n"
"         sudo ip netns exec demo ping 10.18.0.3\n";
}

static int bad(char *err, size_t errlen, const char *fmt, const char *a, const char *b)
{
	snprintf(err, errlen, fmt, a, b);
	return -EINVAL;
}

static int parse_count(const char *arg, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno || end == arg || *end || v < 1)
		return -EINVAL;
	*out = v;
	return 0;
}

static int add_addr(struct dev_options *d, const char *arg, char *err, size_t errlen)
{
	struct dev_addr a;

	if (addrset_parse_cidr(arg, &a) < 0)
		return bad(err, errlen, "bad address '%s' for -a/--addr: expected an IPv4 or IPv6 address with a prefix, "
			   "such as 10.18.0.1/24 or fd00::1/64%s", arg, "");
	if (addrset_add(&d->addrs, &a) < 0)
		return bad(err, errlen, "out of memory at -a/--addr '%s'%s", arg, "");
	return 0;
}

/* -i names the current device, or starts the next one when the current has a name. */
static int next_device(struct options *o, const char *name, char *err, size_t errlen)
{
	struct dev_options *cur = &o->devs[o->ndevs - 1];

	for (int i = 0; i < o->ndevs; i++)
		if (o->devs[i].dev.name && !strcmp(o->devs[i].dev.name, name))
			return bad(err, errlen, "device '%s' given twice with -i%s", name, "");
	if (cur->dev.name) {
		if (o->ndevs == OPTIONS_MAX_DEVICES)
			return bad(err, errlen, "too many devices at -i %s (at most %s)", name, "4");
		cur = &o->devs[o->ndevs++];
	}
	cur->dev.name = name;
	o->devices_given = 1;
	return 0;
}

static int parse_one(struct options *o, int c, const char *arg, char *err, size_t errlen)
{
	struct dev_options *d = &o->devs[o->ndevs - 1];

	switch (c) {
	case 'i': return next_device(o, arg, err, errlen);
	case OPT_TUN: d->dev.tun = 1; break;
	case OPT_TAP: d->dev.tun = 0; break;
	case OPT_PI: d->dev.pi = 1; break;
	case OPT_ATTACH: d->dev.attach_only = 1; break;
	case OPT_PERSIST: d->dev.persist = 1; break;
	case OPT_NO_CONFIG: d->no_config = 1; break;
	case 'a': return add_addr(d, arg, err, errlen);
	case OPT_NETNS: o->netns = arg; break;
	case OPT_USER: o->user = arg; break;
	case OPT_ECHO: o->echo = 1; break;
	case OPT_INJECT:
		if (o->ninject >= OPTIONS_MAX_INJECT)
			return bad(err, errlen, "too many --inject options (at most %s)%s", "32", "");
		o->inject[o->ninject++] = arg;
		break;
	case 'p': o->print = 1; break;
	case 'v': o->verbose++; break;
	case '#': o->number = 1; break;
	case OPT_JSON: o->json = 1; break;
	case OPT_EVENTS: o->events = 1; break;
	case OPT_STATUS: o->status = 1; break;
	case OPT_LOCAL_ROUTES: o->local_routes = 1; break;
	case OPT_NO_COLOR: o->no_color = 1; break;
	case OPT_HOLD: o->hold = 1; break;
	case OPT_CONTROL: o->control = arg; break;
	case OPT_NO_URING: o->no_uring = 1; break;
	case OPT_LESSON: o->lesson = arg; break;
	case OPT_LESSONS: o->lessons = 1; break;
	case OPT_KEYS: o->keys = 1; break;
	case OPT_FIELDS: o->fields = 1; break;
	case OPT_THEME:
		if (strcmp(arg, "dark") && strcmp(arg, "contrast") && strcmp(arg, "mono"))
			return bad(err, errlen, "unknown theme '%s' for --theme: expected dark, contrast or mono%s", arg, "");
		o->theme = arg;
		break;
	case OPT_MAX_FRAMES:
		if (parse_count(arg, &o->max_frames) < 0)
			return bad(err, errlen, "bad number '%s' for --max-frames: expected how many frames the UI keeps, 1 or more%s",
				   arg, "");
		break;
	case 'w': o->write_path = arg; break;
	case OPT_PCAPNG: o->pcapng = 1; break;
	case 'r': o->read_path = arg; break;
	case 'f': o->filter = arg; break;
	case 'c':
		if (parse_count(arg, &o->count) < 0)
			return bad(err, errlen, "bad count '%s' for -c/--count: expected a whole number of frames, 1 or more%s",
				   arg, "");
		break;
	case 'h': o->help = 1; break;
	case 'V': o->version = 1; break;
	}
	return 0;
}

static int check_device(struct dev_options *d, char *err, size_t errlen)
{
	if (d->dev.attach_only && d->addrs.n)
		return bad(err, errlen, "-a/--addr configures a device tapscope creates; with --attach the device "
			   "keeps its own addresses (add one with: ip addr add CIDR dev %s)%s", d->dev.name, "");
	if (d->no_config && d->addrs.n)
		return bad(err, errlen, "--no-config and -a/--addr contradict each other for %s: choose one%s",
			   d->dev.name, "");
	return 0;
}

static int check_combinations(struct options *o, char *err, size_t errlen)
{
	for (int i = 0; i < o->ndevs; i++) {
		int rc = check_device(&o->devs[i], err, errlen);

		if (rc)
			return rc;
	}
	if (o->lesson && (o->read_path || o->status || o->ninject || o->devices_given))
		return bad(err, errlen, "--lesson brings its own devices and actions: it cannot be combined with %s%s",
			   o->read_path ? "-r" : o->status ? "--status" : o->ninject ? "--inject" : "-i", "");
	if (o->ndevs > 1 && o->write_path)
		return bad(err, errlen, "-w with several devices: one pcap file holds one link type; run one tapscope a "
			   "device, or write each with its own -w%s%s", "", "");
	if (o->read_path && (o->echo || o->ninject || o->devs[0].dev.attach_only || o->status || o->hold || o->control))
		return bad(err, errlen, "-r/--read decodes a file: it cannot be combined with %s%s",
			   o->echo ? "--echo" : o->ninject ? "--inject" : o->status ? "--status" : o->hold ? "--hold" :
			   o->control ? "--control" : "--attach", "");
	if (o->pcapng && !o->write_path)
		return bad(err, errlen, "--pcapng says how -w writes: give -w FILE too%s%s", "", "");
	if (o->user && (o->read_path || o->status))
		return bad(err, errlen, "--user drops privileges of a live run: it cannot be combined with %s%s",
			   o->read_path ? "-r/--read" : "--status", "");
	if ((o->verbose || o->print) && o->json)
		return bad(err, errlen, "%s and --json are two output forms (a line a frame, an object a frame): choose one%s",
			   o->verbose ? "-v" : "-p/--print", "");
	return 0;
}

void options_free(struct options *o)
{
	for (int i = 0; i < OPTIONS_MAX_DEVICES; i++)
		addrset_free(&o->devs[i].addrs);
}

int options_parse(struct options *o, int argc, char **argv, char *err, size_t errlen)
{
	int c, rc;

	memset(o, 0, sizeof(*o));
	o->ndevs = 1;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":i:a:pv#w:r:f:c:hV", long_opts, NULL)) != -1) {
		const char *opt = argv[optind - 1];

		if (c == '?') {
			char shortopt[3] = { '-', (char)optopt, '\0' };

			return bad(err, errlen, "unknown option '%s' (tapscope --help lists the options)%s",
				   optopt ? shortopt : opt, "");
		}
		if (c == ':')
			return bad(err, errlen, "option '%s' needs a value (tapscope --help says which)%s", opt, "");
		rc = parse_one(o, c, optarg, err, errlen);
		if (rc)
			return rc;
	}
	if (optind < argc)
		return bad(err, errlen, "unexpected argument '%s': tapscope takes only options (tapscope --help)%s",
			   argv[optind], "");
	for (int i = 0; i < o->ndevs; i++) {
		struct dev_options *d = &o->devs[i];
		char cidr[32];

		if (!d->dev.name)
			d->dev.name = d->dev.tun ? "tun0" : "tap0";
		snprintf(cidr, sizeof(cidr), "10.18.%d.1/24", i);
		if (!d->addrs.n && !d->no_config && !d->dev.attach_only)
			add_addr(d, cidr, err, errlen);
	}
	return check_combinations(o, err, errlen);
}
