/* bpf.c — tcpdump-syntax capture filters: pcap_compile on a dead handle, pcap_offline_filter per frame. */
#include <ctype.h>
#include <nss.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bpf.h"
#include "frameloc.h"

struct bpf_filter {
	struct bpf_program prog;
	int dlt;
};

/* A display-filter field name in expr (letters, a dot, a letter: "ip.ttl", "dns.qry.name"), which
 * tcpdump's syntax never has (its dots are in addresses). */
static int looks_like_wireshark(const char *expr)
{
	for (const char *s = expr; s && *s; s++)
		if (*s == '.' && s > expr && isalpha((unsigned char)s[-1]) && isalpha((unsigned char)s[1]))
			return 1;
	return 0;
}

/* pcap_compile looks a word it does not know up as a host ("host gw", or a typo such as "icmpp"):
 * with nsswitch's "files dns" that is a DNS query from inside the event loop, which freezes the UI
 * for the resolver's timeout and sends traffic out of the namespace. Names come from /etc/hosts
 * and /etc/networks only, for the whole process (tapscope looks nothing else up by name). */
static void names_from_files_only(void)
{
	static int done;

	if (!done) {
		__nss_configure_lookup("hosts", "files");
		__nss_configure_lookup("networks", "files");
		done = 1;
	}
}

struct bpf_filter *bpf_filter_new(int dlt, const char *expr, char *err, size_t errlen)
{
	struct bpf_filter *b;
	pcap_t *p;

	names_from_files_only();
	p = pcap_open_dead(dlt, 262144);
	if (!p) {
		snprintf(err, errlen, "cannot open a libpcap handle for link type %d", dlt);
		return NULL;
	}
	b = calloc(1, sizeof(*b));
	if (!b) {
		snprintf(err, errlen, "out of memory");
		pcap_close(p);
		return NULL;
	}
	if (pcap_compile(p, &b->prog, expr ? expr : "", 1, PCAP_NETMASK_UNKNOWN) != 0) {
		const char *why = pcap_geterr(p);

		snprintf(err, errlen, "%s (tcpdump filter syntax, e.g. 'icmp or arp', 'udp port 53'%s)", why,
			 strstr(why, "unknown host") ? "; host names come from /etc/hosts only, never DNS: "
						       "give the address, e.g. 'host 10.18.0.3'"
			 : looks_like_wireshark(expr) ? "; a Wireshark field condition such as ip.ttl == 64 is for "
							"find, f in the UI"
						      : "");
		pcap_close(p);
		free(b);
		return NULL;
	}
	b->dlt = dlt;
	pcap_close(p);
	return b;
}

int bpf_filter_match(const struct bpf_filter *b, const struct frame *f)
{
	struct pcap_pkthdr h;
	const uint8_t *data = frame_after_pi(f, &h.caplen, &h.len);

	if (f->has_pi && !h.caplen)
		return 0;
	h.ts = f->ts;
	return pcap_offline_filter(&b->prog, &h, data) != 0;
}

void bpf_filter_free(struct bpf_filter *b)
{
	if (!b)
		return;
	pcap_freecode(&b->prog);
	free(b);
}
