/* decode_dns.c — the Domain Name System (RFC 1035): header, questions and resource records of the common types. */
/*
 * RFC 1035 4.1; AAAA RFC 3596; SRV RFC 2782; OPT (EDNS) RFC 6891; AD/CD bits RFC 4035.
 *
 *  0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15
 * +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 * |                      ID                       |
 * +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 * |QR|   Opcode  |AA|TC|RD|RA| Z|AD|CD|   RCODE   |
 * +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 * |        QDCOUNT / ANCOUNT / NSCOUNT / ARCOUNT  |
 * +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 * Question: NAME | TYPE (16) | CLASS (16)
 * Record:   NAME | TYPE | CLASS | TTL (32) | RDLENGTH (16) | RDATA
 * A NAME is length-prefixed labels ending in 0, or ending in a 2-byte pointer (top bits 11)
 * to an earlier name in the message. Pointers must point backwards here, which rules out loops.
 */
#include <string.h>

#include "bytes.h"
#include "decode_priv.h"

/* the IANA registry's mnemonics, as tcpdump and Wireshark print them */
static const struct tok type_names[] = {
	{ 1, "A" }, { 2, "NS" }, { 3, "MD" }, { 4, "MF" }, { 5, "CNAME" }, { 6, "SOA" }, { 7, "MB" },
	{ 8, "MG" }, { 9, "MR" }, { 10, "NULL" }, { 11, "WKS" }, { 12, "PTR" }, { 13, "HINFO" },
	{ 14, "MINFO" }, { 15, "MX" }, { 16, "TXT" }, { 17, "RP" }, { 18, "AFSDB" }, { 19, "X25" },
	{ 20, "ISDN" }, { 21, "RT" }, { 22, "NSAP" }, { 23, "NSAP_PTR" }, { 24, "SIG" }, { 25, "KEY" },
	{ 26, "PX" }, { 27, "GPOS" }, { 28, "AAAA" }, { 29, "LOC" }, { 30, "NXT" }, { 31, "EID" },
	{ 32, "NIMLOC" }, { 33, "SRV" }, { 34, "ATMA" }, { 35, "NAPTR" }, { 36, "KX" }, { 37, "CERT" },
	{ 38, "A6" }, { 39, "DNAME" }, { 40, "SINK" }, { 41, "OPT" }, { 42, "APL" }, { 43, "DS" },
	{ 44, "SSHFP" }, { 45, "IPSECKEY" }, { 46, "RRSIG" }, { 47, "NSEC" }, { 48, "DNSKEY" },
	{ 49, "DHCID" }, { 50, "NSEC3" }, { 51, "NSEC3PARAM" }, { 52, "TLSA" }, { 53, "SMIMEA" },
	{ 55, "HIP" }, { 56, "NINFO" }, { 57, "RKEY" }, { 58, "TALINK" }, { 59, "CDS" }, { 60, "CDNSKEY" },
	{ 61, "OPENPGPKEY" }, { 62, "CSYNC" }, { 63, "ZONEMD" }, { 64, "SVCB" }, { 65, "HTTPS" },
	{ 99, "SPF" }, { 100, "UINFO" }, { 101, "UID" }, { 102, "GID" }, { 103, "UNSPEC" }, { 104, "NID" },
	{ 105, "L32" }, { 106, "L64" }, { 107, "LP" }, { 108, "EUI48" }, { 109, "EUI64" }, { 249, "TKEY" },
	{ 250, "TSIG" }, { 251, "IXFR" }, { 252, "AXFR" }, { 253, "MAILB" }, { 254, "MAILA" }, { 255, "ANY" },
	{ 256, "URI" }, { 257, "CAA" }, { 258, "AVC" }, { 259, "DOA" }, { 32768, "TA" }, { 32769, "DLV" },
	{ 0, NULL }
};
static const struct tok class_names[] = {
	{ 1, "IN" }, { 3, "CHAOS" }, { 4, "HS" }, { 254, "NONE" }, { 255, "ANY" }, { 0, NULL }
};
static const struct tok opcode_names[] = {
	{ 0, "Standard query" }, { 1, "Inverse query" }, { 2, "Server status request" },
	{ 4, "Zone change notification" }, { 5, "Dynamic update" }, { 0, NULL }
};
static const struct tok rcode_names[] = {
	{ 0, "No error" }, { 1, "Format error" }, { 2, "Server failure" }, { 3, "No such name" },
	{ 4, "Not implemented" }, { 5, "Refused" }, { 0, NULL }
};
/* tcpdump's words */
static const char *const op_words[16] = {
	"", " inv_q", " stat", " op3", " notify", " update", " op6", " op7",
	" op8", " updateA", " updateD", " updateDA", " updateM", " updateMA", " zoneInit", " zoneRef",
};
/* tcpdump's rcode words; 16 and up need the extended bits of an OPT record */
static const char *const rcode_words[24] = {
	"", " FormErr", " ServFail", " NXDomain", " NotImp", " Refused", " YXDomain", " YXRRSet",
	" NXRRSet", " NotAuth", " NotZone", " Resp11", " Resp12", " Resp13", " Resp14", " NoChange",
	" BadVers", "Resp17", " Resp18", " Resp19", " Resp20", "Resp21", " Resp22", " BadCookie",
};

static const struct field_def f_dns FIELD_REG = {
	"dns", "Domain Name System", FT_PROTO, NULL, NULL,
	"DNS: turns names like example.com into addresses (and back), by query and response.",
};
static const struct field_def f_id FIELD_REG = {
	"dns.id", "Transaction ID", FT_HEX, NULL, NULL,
	"Transaction ID: chosen by the asker; the answer copies it so the two can be matched.",
};
static const struct field_def f_flags FIELD_REG = {
	"dns.flags", "Flags", FT_HEX, NULL, NULL,
	"Flags: query or response, what kind of query, and how it went.",
};
static const struct field_def f_response FIELD_REG = {
	"dns.flags.response", "Response", FT_BOOL, NULL, NULL, "QR: 0 for a query, 1 for a response.",
};
static const struct field_def f_opcode FIELD_REG = {
	"dns.flags.opcode", "Opcode", FT_UINT, opcode_names, NULL, "Opcode: the kind of request (0 is a standard query).",
};
static const struct field_def f_aa FIELD_REG = {
	"dns.flags.authoritative", "Authoritative", FT_BOOL, NULL, NULL,
	"AA: the answering server is an authority for the name.",
};
static const struct field_def f_tc FIELD_REG = {
	"dns.flags.truncated", "Truncated", FT_BOOL, NULL, NULL,
	"TC: the message did not fit and was cut; ask again over TCP.",
};
static const struct field_def f_rd FIELD_REG = {
	"dns.flags.recdesired", "Recursion desired", FT_BOOL, NULL, NULL,
	"RD: please look the name up fully on my behalf.",
};
static const struct field_def f_ra FIELD_REG = {
	"dns.flags.recavail", "Recursion available", FT_BOOL, NULL, NULL,
	"RA: this server is willing to do full lookups.",
};
static const struct field_def f_z FIELD_REG = {
	"dns.flags.z", "Z", FT_BOOL, NULL, NULL, "Z: reserved, zero.",
};
static const struct field_def f_ad FIELD_REG = {
	"dns.flags.authenticated", "Answer authenticated", FT_BOOL, NULL, NULL,
	"AD: the server checked the answer with DNSSEC.",
};
static const struct field_def f_cd FIELD_REG = {
	"dns.flags.checkdisable", "Non-authenticated data", FT_BOOL, NULL, NULL,
	"CD: the asker will do its own DNSSEC checking.",
};
static const struct field_def f_rcode FIELD_REG = {
	"dns.flags.rcode", "Reply code", FT_UINT, rcode_names, NULL,
	"Reply code: 0 no error, 3 no such name, 2 server failure...",
};
static const struct field_def f_qdcount FIELD_REG = {
	"dns.count.queries", "Questions", FT_UINT, NULL, NULL, "How many questions follow.",
};
static const struct field_def f_ancount FIELD_REG = {
	"dns.count.answers", "Answer RRs", FT_UINT, NULL, NULL, "How many answer records follow.",
};
static const struct field_def f_nscount FIELD_REG = {
	"dns.count.auth_rr", "Authority RRs", FT_UINT, NULL, NULL,
	"How many authority records (which servers are in charge) follow.",
};
static const struct field_def f_arcount FIELD_REG = {
	"dns.count.add_rr", "Additional RRs", FT_UINT, NULL, NULL, "How many additional records follow.",
};
static const struct field_def f_queries FIELD_REG = {
	"dns.queries", "Queries", FT_GROUP, NULL, NULL, "The questions asked.",
};
static const struct field_def f_answers FIELD_REG = {
	"dns.answers", "Answers", FT_GROUP, NULL, NULL, "Records that answer the question.",
};
static const struct field_def f_auth FIELD_REG = {
	"dns.authorities", "Authoritative nameservers", FT_GROUP, NULL, NULL,
	"Records naming the servers in charge of the name.",
};
static const struct field_def f_addl FIELD_REG = {
	"dns.additionals", "Additional records", FT_GROUP, NULL, NULL,
	"Extra records the server thought useful (and EDNS options).",
};
static const struct field_def f_qry FIELD_REG = {
	"dns.qry", "Query", FT_GROUP, type_names, NULL, "One question: a name, a record type and a class.",
};
static const struct field_def f_rr FIELD_REG = {
	"dns.rr", "Record", FT_GROUP, type_names, NULL,
	"One resource record: a name, type, class, lifetime and data.",
};
static const struct field_def f_qry_name FIELD_REG = {
	"dns.qry.name", "Name", FT_DNSNAME, NULL, NULL, "The name asked about.",
};
static const struct field_def f_qry_type FIELD_REG = {
	"dns.qry.type", "Type", FT_UINT, type_names, NULL,
	"Which kind of record is wanted (A IPv4 address, AAAA IPv6 address, MX mail server...).",
};
static const struct field_def f_qry_class FIELD_REG = {
	"dns.qry.class", "Class", FT_HEX, class_names, NULL, "Class: almost always IN (Internet).",
};
static const struct field_def f_resp_name FIELD_REG = {
	"dns.resp.name", "Name", FT_DNSNAME, NULL, NULL, "The name this record is about.",
};
static const struct field_def f_resp_type FIELD_REG = {
	"dns.resp.type", "Type", FT_UINT, type_names, NULL, "Which kind of record this is.",
};
static const struct field_def f_resp_class FIELD_REG = {
	"dns.resp.class", "Class", FT_HEX, class_names, NULL, "Class: almost always IN (Internet).",
};
static const struct field_def f_udp_size FIELD_REG = {
	"dns.rr.udp_payload_size", "UDP payload size", FT_UINT, NULL, NULL,
	"EDNS: the largest UDP reply the sender can take.",
};
static const struct field_def f_ttl FIELD_REG = {
	"dns.resp.ttl", "Time to live", FT_UINT, NULL, " seconds", "How long the record may be cached.",
};
static const struct field_def f_rdlen FIELD_REG = {
	"dns.resp.len", "Data length", FT_UINT, NULL, NULL, "How many bytes of record data follow.",
};
static const struct field_def f_a FIELD_REG = {
	"dns.a", "Address", FT_IPV4, NULL, NULL, "An IPv4 address of the name.",
};
static const struct field_def f_aaaa FIELD_REG = {
	"dns.aaaa", "AAAA Address", FT_IPV6, NULL, NULL, "An IPv6 address of the name.",
};
static const struct field_def f_cname FIELD_REG = {
	"dns.cname", "CNAME", FT_DNSNAME, NULL, NULL, "The canonical name: the name is an alias of this one.",
};
static const struct field_def f_ns FIELD_REG = {
	"dns.ns", "Name Server", FT_DNSNAME, NULL, NULL, "A server that is an authority for the name.",
};
static const struct field_def f_ptr FIELD_REG = {
	"dns.ptr.domain_name", "Domain Name", FT_DNSNAME, NULL, NULL,
	"The name an address maps back to (reverse lookup).",
};
static const struct field_def f_mx_pref FIELD_REG = {
	"dns.mx.preference", "Preference", FT_UINT, NULL, NULL, "Mail server preference: lower is tried first.",
};
static const struct field_def f_mx FIELD_REG = {
	"dns.mx.mail_exchange", "Mail Exchange", FT_DNSNAME, NULL, NULL, "A server that takes mail for the name.",
};
static const struct field_def f_txt FIELD_REG = {
	"dns.txt", "TXT", FT_STRING, NULL, NULL, "Free text attached to the name (SPF, verification tokens...).",
};
static const struct field_def f_soa_mname FIELD_REG = {
	"dns.soa.mname", "Primary name server", FT_DNSNAME, NULL, NULL, "The zone's primary server.",
};
static const struct field_def f_soa_rname FIELD_REG = {
	"dns.soa.rname", "Responsible authority's mailbox", FT_DNSNAME, NULL, NULL,
	"The zone administrator's mailbox (first dot is the @).",
};
static const struct field_def f_soa_serial FIELD_REG = {
	"dns.soa.serial_number", "Serial Number", FT_UINT, NULL, NULL, "The zone's version number.",
};
static const struct field_def f_soa_refresh FIELD_REG = {
	"dns.soa.refresh_interval", "Refresh Interval", FT_UINT, NULL, " seconds",
	"How often secondaries check for a new version.",
};
static const struct field_def f_soa_retry FIELD_REG = {
	"dns.soa.retry_interval", "Retry Interval", FT_UINT, NULL, " seconds", "How soon a failed check is retried.",
};
static const struct field_def f_soa_expire FIELD_REG = {
	"dns.soa.expire_limit", "Expire limit", FT_UINT, NULL, " seconds",
	"When secondaries stop answering if the primary stays unreachable.",
};
static const struct field_def f_soa_min FIELD_REG = {
	"dns.soa.minimum_ttl", "Minimum TTL", FT_UINT, NULL, " seconds", "How long \"no such name\" may be cached.",
};
static const struct field_def f_srv_prio FIELD_REG = {
	"dns.srv.priority", "Priority", FT_UINT, NULL, NULL, "Lower priority servers are tried first.",
};
static const struct field_def f_srv_weight FIELD_REG = {
	"dns.srv.weight", "Weight", FT_UINT, NULL, NULL, "Share of load among servers of equal priority.",
};
static const struct field_def f_srv_port FIELD_REG = {
	"dns.srv.port", "Port", FT_UINT, NULL, NULL, "The port the service listens on.",
};
static const struct field_def f_srv_target FIELD_REG = {
	"dns.srv.target", "Target", FT_DNSNAME, NULL, NULL, "The host that provides the service.",
};
static const struct field_def f_ext_rcode FIELD_REG = {
	"dns.resp.ext_rcode", "Higher bits in extended RCODE", FT_HEX, NULL, NULL,
	"EDNS: the upper 8 bits of the 12-bit reply code.",
};
static const struct field_def f_edns_version FIELD_REG = {
	"dns.resp.edns0_version", "EDNS0 version", FT_UINT, NULL, NULL, "EDNS: the version the sender speaks (0).",
};
static const struct field_def f_edns_z FIELD_REG = {
	"dns.resp.z", "Z", FT_HEX, NULL, NULL, "EDNS flags: DO and reserved bits.",
};
static const struct field_def f_edns_do FIELD_REG = {
	"dns.resp.z.do", "DO bit", FT_BOOL, NULL, NULL, "DO: the sender wants DNSSEC records too.",
};
static const struct tok opt_code_names[] = {
	{ 3, "NSID" }, { 5, "DAU" }, { 6, "DHU" }, { 7, "N3U" }, { 8, "CSUBNET - Client subnet" },
	{ 9, "EDNS EXPIRE" }, { 10, "COOKIE" }, { 11, "EDNS TCP KEEPALIVE" }, { 12, "PADDING" },
	{ 13, "CHAIN" }, { 14, "EDNS KEY TAG" }, { 15, "EXTENDED DNS ERROR" }, { 0, NULL }
};
static const struct field_def f_opt FIELD_REG = {
	"dns.opt", "Option", FT_GROUP, opt_code_names, NULL, "One EDNS option: code, length, data.",
};
static const struct field_def f_opt_code FIELD_REG = {
	"dns.opt.code", "Option Code", FT_UINT, opt_code_names, NULL, "Which EDNS option this is.",
};
static const struct field_def f_opt_len FIELD_REG = {
	"dns.opt.len", "Option Length", FT_UINT, NULL, NULL, "Bytes of option data.",
};
static const struct field_def f_opt_data FIELD_REG = {
	"dns.opt.data", "Option Data", FT_BYTES, NULL, NULL, "The option's data.",
};
static const struct field_def f_sshfp_alg FIELD_REG = {
	"dns.sshfp.algorithm", "Algorithm", FT_UINT, NULL, NULL, "SSHFP: the host key's algorithm (1 RSA, 4 Ed25519...).",
};
static const struct field_def f_sshfp_type FIELD_REG = {
	"dns.sshfp.fingerprint.type", "Fingerprint type", FT_UINT, NULL, NULL, "SSHFP: the hash (1 SHA-1, 2 SHA-256).",
};
static const struct field_def f_sshfp_fp FIELD_REG = {
	"dns.sshfp.fingerprint", "Fingerprint", FT_BYTES, NULL, NULL, "SSHFP: the host key's fingerprint.",
};
static const struct field_def f_tlsa_usage FIELD_REG = {
	"dns.tlsa.certificate_usage", "Certificate Usage", FT_UINT, NULL, NULL, "TLSA: how the certificate is matched (DANE).",
};
static const struct field_def f_tlsa_selector FIELD_REG = {
	"dns.tlsa.selector", "Selector", FT_UINT, NULL, NULL, "TLSA: 0 the whole certificate, 1 its public key.",
};
static const struct field_def f_tlsa_match FIELD_REG = {
	"dns.tlsa.matching_type", "Matching Type", FT_UINT, NULL, NULL, "TLSA: 0 exact, 1 SHA-256, 2 SHA-512.",
};
static const struct field_def f_tlsa_data FIELD_REG = {
	"dns.tlsa.certificate_association_data", "Certificate Association Data", FT_BYTES, NULL, NULL,
	"TLSA: the certificate data or its hash.",
};
static const struct field_def f_caa_flags FIELD_REG = {
	"dns.caa.flags", "CAA Flags", FT_HEX, NULL, NULL, "CAA flags: bit 7 marks the property critical.",
};
static const struct field_def f_caa_crit FIELD_REG = {
	"dns.caa.flags.issuer_critical", "Issuer Critical", FT_BOOL, NULL, NULL,
	"A CA that does not understand this property must not issue.",
};
static const struct field_def f_caa_taglen FIELD_REG = {
	"dns.caa.tag_length", "Tag length", FT_UINT, NULL, NULL, "Bytes of the property tag.",
};
static const struct field_def f_caa_tag FIELD_REG = {
	"dns.caa.tag", "Tag", FT_STRING, NULL, NULL, "The property: issue, issuewild or iodef.",
};
static const struct field_def f_caa_issue FIELD_REG = {
	"dns.caa.issue", "Issue", FT_STRING, NULL, NULL, "The CA allowed to issue certificates for the name.",
};
static const struct field_def f_caa_issuewild FIELD_REG = {
	"dns.caa.issuewild", "Issue Wildcard", FT_STRING, NULL, NULL, "The CA allowed to issue wildcard certificates.",
};
static const struct field_def f_caa_iodef FIELD_REG = {
	"dns.caa.iodef", "Report URL", FT_STRING, NULL, NULL, "Where CAs report requests that break the policy.",
};
static const struct field_def f_caa_unknown FIELD_REG = {
	"dns.caa.unknown", "Unknown tag", FT_STRING, NULL, NULL, "The value of a property Wireshark does not know.",
};
static const struct field_def f_tcp_len FIELD_REG = {
	"dns.length", "Length", FT_UINT, NULL, NULL,
	"Over TCP, each DNS message is preceded by its length in 2 bytes.",
};
static const struct field_def f_data FIELD_REG = {
	"dns.data", "Data", FT_BYTES, NULL, NULL, "Record data of a type not decoded here.",
};

/* A character label_char writes as it is. */
static inline int label_plain(unsigned ch, int tcpdump)
{
	if (tcpdump)
		return ch >= 0x20 && ch < 0x7f;
	return ch > 0x20 && ch < 0x7f && ch != '\\' && ch != '"';
}

static void label_char(struct fmtbuf *b, unsigned ch, int tcpdump)
{
	if (tcpdump) {
		dec_print_char(b, ch);
	} else if (ch > 0x20 && ch < 0x7f && ch != '\\' && ch != '"') {
		fmtbuf_char(b, (char)ch);
	} else {
		fmtbuf_str(b, "\\x");
		fmtbuf_hex(b, ch, 2);
	}
}

static uint32_t dns_name_walk_as(const uint8_t *buf, uint32_t msg_off, uint32_t msg_end, uint32_t off,
				 struct fmtbuf *b, int tcpdump)
{
	uint32_t here = off, limit = off, consumed = 0, total = 0;
	int jumped = 0, labels = 0;

	for (;;) {
		unsigned len;

		if (here >= msg_end)
			return 0;
		len = buf[here];
		if ((len & 0xc0) == 0xc0) {
			uint32_t target;

			if (here + 1 >= msg_end)
				return 0;
			target = msg_off + ((len & 0x3f) << 8 | buf[here + 1]);
			if (!jumped)
				consumed = here + 2 - off;
			if (target >= limit)
				return 0;	/* forward or self pointer: could loop */
			jumped = 1;
			limit = target;
			here = target;
			continue;
		}
		if (len & 0xc0)
			return 0;	/* extended label types are obsolete */
		if (len == 0) {
			if (!jumped)
				consumed = here + 1 - off;
			if (b && labels == 0)
				fmtbuf_str(b, "<Root>");
			return consumed;
		}
		if (here + 1 + len > msg_end || (total += len + 1) > 255)
			return 0;
		if (b) {
			const uint8_t *l = buf + here + 1;
			uint32_t i = 0, j;

			if (labels)
				fmtbuf_char(b, '.');
			while (i < len) {	/* runs of characters shown as they are, copied at once */
				for (j = i; j < len && label_plain(l[j], tcpdump); j++)
					;
				if (j > i) {
					fmtbuf_mem(b, (const char *)l + i, j - i);
					i = j;
				} else {
					label_char(b, l[i++], tcpdump);
				}
			}
		}
		labels++;
		here += 1 + len;
	}
}

static uint32_t dns_name_walk(const uint8_t *buf, uint32_t msg_off, uint32_t msg_end, uint32_t off,
			      struct fmtbuf *b)
{
	return dns_name_walk_as(buf, msg_off, msg_end, off, b, 0);
}

/* True when the name's trouble is a pointer to itself or later in the message (a loop, for Wireshark). */
static int dns_name_loops(const uint8_t *buf, uint32_t msg_off, uint32_t msg_end, uint32_t off)
{
	uint32_t here = off, limit = off;
	int hops;

	for (hops = 0; hops < 256 && here < msg_end; hops++) {
		unsigned len = buf[here];

		if ((len & 0xc0) == 0xc0) {
			uint32_t target;

			if (here + 1 >= msg_end)
				return 0;
			target = msg_off + ((len & 0x3f) << 8 | buf[here + 1]);
			if (target >= msg_end)
				return 0;
			if (target >= limit)
				return 1;
			limit = here = target;
			continue;
		}
		if (len == 0 || (len & 0xc0))
			return 0;
		here += 1 + len;
	}
	return 0;
}

uint32_t dns_name_format(const uint8_t *buf, uint32_t msg_off, uint32_t msg_end, uint32_t name_off, struct fmtbuf *b)
{
	size_t mark = b->len;
	uint32_t n = dns_name_walk(buf, msg_off, msg_end, name_off, b);

	if (!n) {
		b->len = mark;
		b->p[mark] = '\0';
		/* Wireshark's words when a pointer does not go backwards within the message */
		fmtbuf_str(b, dns_name_loops(buf, msg_off, msg_end, name_off) ?
			   "<Name contains a pointer that loops>" : "<bad name>");
	}
	return n;
}

/* Bytes the name at off takes in place (labels up to a 0 or a pointer), without following pointers. */
static uint32_t dns_name_skip(const uint8_t *buf, uint32_t end, uint32_t off)
{
	uint32_t here = off;

	while (here < end) {
		unsigned len = buf[here];

		if ((len & 0xc0) == 0xc0)
			return here + 2 <= end ? here + 2 - off : 0;
		if (len & 0xc0)
			return 0;
		if (len == 0)
			return here + 1 - off;
		here += 1 + len;
	}
	return 0;
}

static void sum_qtype(struct fmtbuf *b, unsigned type, unsigned class)
{
	fmtbuf_char(b, ' ');
	if (tok_name(type_names, type)) {
		fmtbuf_str(b, tok_name(type_names, type));
	} else {
		fmtbuf_str(b, "Type");
		fmtbuf_u64(b, type);
	}
	if (class != 1) {
		fmtbuf_char(b, ' ');
		if (tok_name(class_names, class)) {
			fmtbuf_str(b, tok_name(class_names, class));
		} else {
			fmtbuf_str(b, "(Class ");
			fmtbuf_u64(b, class);
			fmtbuf_char(b, ')');
		}
	}
	fmtbuf_str(b, "? ");
}

/* Adds a name node at the cursor and skips it; 0 when the name is bad or cut. */
static int dns_name(struct decoded *d, struct cursor *c, uint32_t msg, const struct field_def *def)
{
	uint32_t n = dns_name_walk(c->buf, msg, c->end, c->off, NULL);

	if (!n) {
		c->truncated = 1;
		return 0;
	}
	dec_add(d, def, c->off, n, (uint64_t)msg | (uint64_t)c->end << 32);
	c->off += n;
	return 1;
}

/* tcpdump's text for a name: "example.com." (a lone "." for the root). */
static void sum_name(struct fmtbuf *b, const uint8_t *buf, uint32_t msg, uint32_t end, uint32_t off)
{
	size_t mark = b->len;

	if (!dns_name_walk_as(buf, msg, end, off, b, 1)) {
		if (b->len > mark)
			fmtbuf_char(b, '.');
		fmtbuf_str(b, "<BAD PTR>");	/* tcpdump's words */
		return;
	}
	if (b->len - mark == 6 && b->p[mark] == '<') {	/* "<Root>" */
		b->len = mark;
		b->p[mark] = '\0';
	}
	fmtbuf_char(b, '.');
}

static void rdata(struct decoded *d, struct cursor *r, uint32_t msg, unsigned type, struct fmtbuf *sb, int sum)
{
	uint32_t start = r->off;

	switch (type) {
	case 1:
		if (cursor_left(r) == 4) {
			if (sum) {
				fmtbuf_char(sb, ' ');
				fmtbuf_ip4(sb, r->buf + r->off);
			}
			dec_bytes(d, r, &f_a, 4);
		}
		break;
	case 28:
		if (cursor_left(r) == 16) {
			if (sum) {
				fmtbuf_char(sb, ' ');
				fmtbuf_ip6(sb, r->buf + r->off);
			}
			dec_bytes(d, r, &f_aaaa, 16);
		}
		break;
	case 2:
	case 5:
	case 12:
		if (sum) {
			fmtbuf_char(sb, ' ');
			sum_name(sb, r->buf, msg, r->end, r->off);
		}
		dns_name(d, r, msg, type == 2 ? &f_ns : type == 5 ? &f_cname : &f_ptr);
		break;
	case 15:
		if (cursor_has(r, 3)) {
			unsigned pref = dec_be16(d, r, &f_mx_pref);

			if (sum) {
				fmtbuf_char(sb, ' ');
				sum_name(sb, r->buf, msg, r->end, r->off);
				fmtbuf_char(sb, ' ');
				fmtbuf_u64(sb, pref);
			}
			dns_name(d, r, msg, &f_mx);
		}
		break;
	case 16:
		if (sum)
			fmtbuf_char(sb, ' ');
		while (cursor_left(r) > 0) {
			unsigned n = cursor_u8(r);

			if (!cursor_has(r, n))
				break;
			if (sum && r->off == start + 1) {
				fmtbuf_char(sb, '"');
				{
					unsigned i;

					for (i = 0; i < n; i++) {
						uint8_t ch = r->buf[r->off + i];

						fmtbuf_char(sb, ch >= 0x20 && ch < 0x7f ? (char)ch : '.');
					}
				}
				fmtbuf_char(sb, '"');
			}
			dec_bytes(d, r, &f_txt, n);
		}
		break;
	case 6:
		if (!dns_name(d, r, msg, &f_soa_mname) || !dns_name(d, r, msg, &f_soa_rname))
			break;
		dec_be32(d, r, &f_soa_serial);
		dec_be32(d, r, &f_soa_refresh);
		dec_be32(d, r, &f_soa_retry);
		dec_be32(d, r, &f_soa_expire);
		dec_be32(d, r, &f_soa_min);
		break;
	case 41:
		while (cursor_has(r, 4)) {
			unsigned olen = get_be16(r->buf + r->off + 2);
			int g = dec_group(d, &f_opt, r->off, 4 + olen);

			dec_be16(d, r, &f_opt_code);
			dec_be16(d, r, &f_opt_len);
			if (olen && !dec_bytes(d, r, &f_opt_data, olen)) {
				dec_close(d, g, 0);
				r->off = r->end;	/* Wireshark shows no more of an option that overruns */
				break;
			}
			dec_close(d, g, 0);
		}
		break;
	case 256:
		/* tcpdump prints a URI record; Wireshark 4.0 leaves it as dns.data, as tapscope does */
		if (sum && cursor_has(r, 4)) {
			uint32_t i, n = cursor_left(r);

			fmtbuf_char(sb, ' ');
			fmtbuf_u64(sb, get_be16(r->buf + r->off));
			fmtbuf_char(sb, ' ');
			fmtbuf_u64(sb, get_be16(r->buf + r->off + 2));
			fmtbuf_char(sb, ' ');
			for (i = 4; i < n; i++)
				dec_print_char(sb, r->buf[r->off + i]);
		}
		break;
	case 44:
		if (cursor_has(r, 2)) {
			dec_u8(d, r, &f_sshfp_alg);
			dec_u8(d, r, &f_sshfp_type);
			if (cursor_left(r))
				dec_bytes(d, r, &f_sshfp_fp, cursor_left(r));
		}
		break;
	case 52:
		if (cursor_has(r, 3)) {
			dec_u8(d, r, &f_tlsa_usage);
			dec_u8(d, r, &f_tlsa_selector);
			dec_u8(d, r, &f_tlsa_match);
			if (cursor_left(r))
				dec_bytes(d, r, &f_tlsa_data, cursor_left(r));
		}
		break;
	case 257:
		if (cursor_has(r, 2) && cursor_has(r, 2u + r->buf[r->off + 1])) {
			unsigned fl = r->buf[r->off], tl = r->buf[r->off + 1];
			const uint8_t *tag = r->buf + r->off + 2;

			dec_add(d, &f_caa_flags, r->off, 1, fl);
			dec_add(d, &f_caa_crit, r->off, 1, fl >> 7);
			r->off++;
			dec_u8(d, r, &f_caa_taglen);
			dec_bytes(d, r, &f_caa_tag, tl);
			if (cursor_left(r)) {
				/* Wireshark names the value after the tag it knows */
				const struct field_def *v = tl == 5 && !memcmp(tag, "issue", 5) ? &f_caa_issue :
					tl == 9 && !memcmp(tag, "issuewild", 9) ? &f_caa_issuewild :
					tl == 5 && !memcmp(tag, "iodef", 5) ? &f_caa_iodef : &f_caa_unknown;

				dec_bytes(d, r, v, cursor_left(r));
			}
		}
		break;
	case 33:
		if (cursor_has(r, 7)) {
			unsigned port;

			dec_be16(d, r, &f_srv_prio);
			dec_be16(d, r, &f_srv_weight);
			port = dec_be16(d, r, &f_srv_port);
			if (sum) {
				fmtbuf_char(sb, ' ');
				sum_name(sb, r->buf, msg, r->end, r->off);
				fmtbuf_char(sb, ':');
				fmtbuf_u64(sb, port);
			}
			dns_name(d, r, msg, &f_srv_target);
		}
		break;
	}
	if (cursor_left(r) > 0)
		dec_bytes(d, r, &f_data, cursor_left(r));
}

/* One record; returns 0 when it does not fit. An OPT record's extended rcode bits go to *ext. */
static int dns_rr(struct decoded *d, struct cursor *c, uint32_t msg, struct fmtbuf *sb, int sum, unsigned *ext)
{
	uint32_t off = c->off, n;
	unsigned type, class, rdlen;
	struct cursor r;
	int g;

	n = dns_name_walk(c->buf, msg, c->end, off, NULL);
	if (!n || !cursor_has(c, n + 10)) {
		c->truncated = 1;
		return 0;
	}
	type = get_be16(c->buf + off + n);
	class = get_be16(c->buf + off + n + 2);
	rdlen = get_be16(c->buf + off + n + 8);
	if (sum) {
		if (class != 1 && type != 41) {
			fmtbuf_char(sb, ' ');
			if (tok_name(class_names, class)) {
				fmtbuf_str(sb, tok_name(class_names, class));
			} else {
				fmtbuf_str(sb, "(Class ");
				fmtbuf_u64(sb, class);
				fmtbuf_char(sb, ')');
			}
		}
		fmtbuf_char(sb, ' ');
		if (tok_name(type_names, type)) {
			fmtbuf_str(sb, tok_name(type_names, type));
		} else {
			fmtbuf_str(sb, "Type");
			fmtbuf_u64(sb, type);
		}
	}
	if (!cursor_has(c, n + 10 + rdlen)) {
		/* Wireshark's record item spans the data too: a record cut short shows nothing */
		c->truncated = 1;
		return 0;
	}
	g = dec_group(d, &f_rr, off, n + 10 + rdlen);
	if (g >= 0)
		d->fields[g].value = type;
	dns_name(d, c, msg, &f_resp_name);
	dec_be16(d, c, &f_resp_type);
	dec_be16(d, c, type == 41 ? &f_udp_size : &f_resp_class);
	if (type == 41) {
		unsigned z;

		*ext = dec_u8(d, c, &f_ext_rcode);
		dec_u8(d, c, &f_edns_version);
		z = get_be16(c->buf + c->off);
		dec_add(d, &f_edns_z, c->off, 2, z);
		dec_add(d, &f_edns_do, c->off, 2, z >> 15);
		c->off += 2;
	} else {
		dec_be32(d, c, &f_ttl);
	}
	dec_be16(d, c, &f_rdlen);
	r = cursor_sub(c, rdlen);
	rdata(d, &r, msg, type, sb, sum);
	c->off += rdlen;
	dec_close(d, g, c->off);
	return 1;
}

static void dns_flags(struct decoded *d, uint32_t off, unsigned flags)
{
	dec_add(d, &f_flags, off, 2, flags);
	dec_add(d, &f_response, off, 2, flags >> 15);
	dec_add(d, &f_opcode, off, 2, (flags >> 11) & 0xf);
	if (flags & 0x8000)
		dec_add(d, &f_aa, off, 2, (flags >> 10) & 1);
	dec_add(d, &f_tc, off, 2, (flags >> 9) & 1);
	dec_add(d, &f_rd, off, 2, (flags >> 8) & 1);
	if (flags & 0x8000)
		dec_add(d, &f_ra, off, 2, (flags >> 7) & 1);
	dec_add(d, &f_z, off, 2, (flags >> 6) & 1);
	if ((flags & 0x8000) || (flags & 0x0020))	/* Wireshark shows AD on a query only when set */
		dec_add(d, &f_ad, off, 2, (flags >> 5) & 1);
	dec_add(d, &f_cd, off, 2, (flags >> 4) & 1);
	if (flags & 0x8000)
		dec_add(d, &f_rcode, off, 2, flags & 0xf);
}

/* tcpdump's rcode word, put in after the id and opcode once any OPT record has been read */
static void sum_insert_rcode(struct fmtbuf *b, size_t pos, unsigned rcode)
{
	char word[16];
	struct fmtbuf w;
	size_t n;

	fmtbuf_init(&w, word, sizeof(word));
	if (rcode < 24) {
		fmtbuf_str(&w, rcode_words[rcode]);
	} else {
		fmtbuf_str(&w, " Resp");
		fmtbuf_u64(&w, rcode & 0xfff);
	}
	n = w.len;
	if (!n || pos > b->len || b->len + n + 1 > b->cap)
		return;
	memmove(b->p + pos + n, b->p + pos, b->len - pos + 1);
	memcpy(b->p + pos, word, n);
	b->len += n;
}

/* Writes tcpdump's head of the line; returns where the rcode word goes. */
static size_t dns_summary_head(struct fmtbuf *b, const uint8_t *h, unsigned flags)
{
	size_t rc_pos;

	unsigned qd = get_be16(h + 4), an = get_be16(h + 6), ns = get_be16(h + 8), ar = get_be16(h + 10);
	unsigned op = (flags >> 11) & 0xf;

	(void)an;
	(void)ns;
	(void)ar;
	fmtbuf_u64(b, get_be16(h));
	fmtbuf_str(b, op_words[op]);
	rc_pos = b->len;
	if (flags & 0x8000) {
		/* tcpdump 4.99: the rcode (inserted later: an OPT record may extend it), AA, RA, TC, AD;
		 * no CD mark on responses; the counts follow once the questions were skipped */
		if (flags & 0x0400)
			fmtbuf_char(b, '*');
		if (!(flags & 0x0080))
			fmtbuf_char(b, '-');
		if (flags & 0x0200)
			fmtbuf_char(b, '|');
		if (flags & 0x0020)
			fmtbuf_char(b, '$');
		if (qd != 1) {
			fmtbuf_str(b, " [");
			fmtbuf_u64(b, qd);
			fmtbuf_str(b, "q]");
		}
	} else {
		/* tcpdump 4.99 marks RD (+) and CD (%) on queries, not AD */
		if (flags & 0x0100)
			fmtbuf_char(b, '+');
		if (flags & 0x0010)
			fmtbuf_char(b, '%');
		if (flags & 0x06cf) {
			fmtbuf_str(b, " [b2&3=0x");
			fmtbuf_hex(b, flags, 0);
			fmtbuf_char(b, ']');
		}
		if (an) {
			fmtbuf_str(b, " [");
			fmtbuf_u64(b, an);
			fmtbuf_str(b, "a]");
		}
		if (qd != 1) {
			fmtbuf_str(b, " [");
			fmtbuf_u64(b, qd);
			fmtbuf_str(b, "q]");
		}
		if (ns) {
			fmtbuf_str(b, " [");
			fmtbuf_u64(b, ns);
			fmtbuf_str(b, "n]");
		}
		if (ar) {
			fmtbuf_str(b, " [");
			fmtbuf_u64(b, ar);
			fmtbuf_str(b, "au]");
		}
	}
	return rc_pos;
}

static void dns_message(struct decoded *d, struct cursor *c, int summary, uint32_t claimed, int tcp)
{
	static const struct field_def *const sections[3] = { &f_answers, &f_auth, &f_addl };
	uint32_t msg = c->off, i;
	const uint8_t *h;
	unsigned flags, count[4], s;
	char sumbuf[DECODE_SUMMARY_MAX];
	struct fmtbuf sb;
	size_t rc_pos = 0;
	unsigned ext = 0;
	int sum_ok = -1;
	int idx = dec_open(d, PROTO_DNS, &f_dns, msg, cursor_left(c)), g, ok = 1;

	if (tcp) {	/* the 2-byte length before a message over TCP belongs to the DNS layer */
		dec_be16(d, c, &f_tcp_len);
		msg = c->off;
	}

	fmtbuf_init(&sb, sumbuf, sizeof(sumbuf));
	if (!cursor_has(c, 12)) {	/* every field the bytes hold (a quote in an ICMP error, a cut capture) */
		static const struct field_def *const counts[4] = { &f_qdcount, &f_ancount, &f_nscount, &f_arcount };

		int whole = !dec_cut_by_capture(d, c);

		if (summary && whole && !d->inner) {	/* tcpdump: the message cannot hold a header */
			struct fmtbuf b = dec_sum_begin(d);

			fmtbuf_str(&b, "domain [length ");
			fmtbuf_u64(&b, c->end - msg);
			fmtbuf_str(&b, " < 12] (invalid)");
			dec_sum_end(d, &b);
		} else if (summary) {
			dec_sum_str(d, "DNS");
		}
		if (cursor_has(c, 2))
			dec_be16(d, c, &f_id);
		if (cursor_has(c, 2)) {
			dns_flags(d, msg + 2, get_be16(c->buf + c->off));
			c->off += 2;
		}
		for (s = 0; s < 4 && cursor_has(c, 2); s++)
			dec_be16(d, c, counts[s]);
		if (!d->inner && whole)
			dec_short_note(d, c, PROTO_DNS);	/* the line said it already */
		else if (!d->inner)
			dec_short(d, c, PROTO_DNS);
		dec_close(d, idx, c->off);
		c->off = c->end;
		return;
	}
	h = c->buf + msg;
	dec_be16(d, c, &f_id);
	flags = get_be16(h + 2);
	dns_flags(d, msg + 2, flags);
	c->off += 2;
	count[0] = dec_be16(d, c, &f_qdcount);
	count[1] = dec_be16(d, c, &f_ancount);
	count[2] = dec_be16(d, c, &f_nscount);
	count[3] = dec_be16(d, c, &f_arcount);
	rc_pos = dns_summary_head(&sb, h, flags);

	if (count[0]) {
		g = dec_group(d, &f_queries, c->off, 0);
		for (i = 0; i < count[0] && ok; i++) {
			uint32_t off = c->off, n = dns_name_walk(c->buf, msg, c->end, off, NULL);
			unsigned type;
			int q;

			if ((flags & 0x8000) && i > 0)
				fmtbuf_char(&sb, ',');	/* tcpdump's separator, written before it looks */

			if (!n || !cursor_has(c, n + 4)) {
				uint32_t k = dns_name_skip(c->buf, c->end, off);

				if (!n && k && cursor_has(c, k + 4)) {
					q = dec_group(d, &f_qry, off, k + 4);
					dec_add(d, &f_qry_name, off, k, (uint64_t)msg | (uint64_t)c->end << 32);
					c->off += k;
					dec_be16(d, c, &f_qry_type);
					dec_be16(d, c, &f_qry_class);
					dec_close(d, q, c->off);
					if (!(flags & 0x8000)) {
						sum_qtype(&sb, get_be16(c->buf + off + k), get_be16(c->buf + off + k + 2));
						sum_name(&sb, c->buf, msg, c->end, off);
					}
				}
				ok = 0;
				c->truncated = 1;
				break;
			}
			type = get_be16(c->buf + off + n);
			q = dec_group(d, &f_qry, off, n + 4);
			if (q >= 0)
				d->fields[q].value = type;
			dns_name(d, c, msg, &f_qry_name);
			dec_be16(d, c, &f_qry_type);
			s = dec_be16(d, c, &f_qry_class);
			dec_close(d, q, c->off);
			if (!(flags & 0x8000)) {
				sum_qtype(&sb, type, s);
				sum_name(&sb, c->buf, msg, c->end, off);
			}
		}
		dec_close(d, g, c->off);
	}
	if ((flags & 0x8000) && ok) {
		fmtbuf_char(&sb, ' ');
		fmtbuf_u64(&sb, count[1]);
		fmtbuf_char(&sb, '/');
		fmtbuf_u64(&sb, count[2]);
		fmtbuf_char(&sb, '/');
		fmtbuf_u64(&sb, count[3]);
	}
	for (s = 0; s < 3 && ok; s++) {
		if (s == 1)
			sum_ok = ok;	/* tcpdump's line ends with the answers: later cuts do not show there */
		if (!count[s + 1])
			continue;
		g = dec_group(d, sections[s], c->off, 0);
		for (i = 0; i < count[s + 1]; i++) {
			int sum = s == 0 && (flags & 0x8000);

			if (sum && i > 0)
				fmtbuf_char(&sb, ',');
			if (!dns_rr(d, c, msg, &sb, sum, &ext)) {
				ok = 0;
				break;
			}
		}
		dec_close(d, g, c->off);
	}
	if (flags & 0x8000)
		sum_insert_rcode(&sb, rc_pos, (flags & 0xf) | ext << 4);
	if (sum_ok < 0)
		sum_ok = ok;
	if (summary) {
		struct fmtbuf b = dec_sum_begin(d);

		fmtbuf_str(&b, sumbuf);
		if (sum_ok) {	/* tcpdump: the length the lower layer claims, captured or not */
			fmtbuf_str(&b, " (");
			fmtbuf_u64(&b, claimed);
			fmtbuf_char(&b, ')');
		}
		dec_sum_end(d, &b);
	}
	if (!ok) {
		if (sum_ok || !summary)
			dec_short_note(d, c, PROTO_DNS);
		else
			dec_short(d, c, PROTO_DNS);
		dec_close(d, idx, c->off);
		c->off = c->end;
		return;
	}
	dec_close(d, idx, c->off);
	if (cursor_left(c))
		decode_data(d, c);
}

void decode_dns_tcp(struct decoded *d, struct cursor *c, uint32_t seglen)
{
	uint32_t off = c->off;
	unsigned len;
	struct cursor m;
	struct fmtbuf b;

	if (!cursor_has(c, 2) || seglen < 2) {
		decode_data(d, c);
		return;
	}
	len = get_be16(c->buf + off);
	if (len != seglen - 2) {
		/* tcpdump 4.99's words; a message split over segments is not reassembled here */
		b = dec_sum_begin(d);
		fmtbuf_str(&b, " [prefix length(");
		fmtbuf_u64(&b, len);
		fmtbuf_str(&b, ") != length(");
		fmtbuf_u64(&b, seglen - 2);
		fmtbuf_str(&b, ")] (invalid)");
		dec_sum_end(d, &b);
		decode_data(d, c);
		return;
	}
	dec_sum_str(d, " ");	/* tcpdump: "length 31 1234+ A? ..." */
	m = cursor_sub(c, 2 + len);
	dns_message(d, &m, 1, len, 1);
	c->off = m.off;
}

void decode_dns(struct decoded *d, struct cursor *c, int summary, uint32_t claimed)
{
	dns_message(d, c, summary, claimed, 0);
}
