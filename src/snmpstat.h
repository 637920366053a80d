/* snmpstat.h — the kernel's protocol counters of this namespace (/proc/net/snmp, snmp6, netstat) by nstat's names (IcmpInCsumErrors, Ip6InHdrErrors). */
#ifndef TAPSCOPE_SNMPSTAT_H
#define TAPSCOPE_SNMPSTAT_H

#include <stddef.h>

struct snmpstat_entry {
	char name[56];
	long long value;
};

struct snmpstat {
	struct snmpstat_entry *e;
	size_t n, cap;
};

/* Reads every counter now (replacing what st held). 0 or -errno. */
int snmpstat_read(struct snmpstat *st);
void snmpstat_free(struct snmpstat *st);
/* The value of name in st: 0, or -ENOENT. */
int snmpstat_find(const struct snmpstat *st, const char *name, long long *value);
/* The value of name read now: 0, or -ENOENT. */
int snmpstat_get(const char *name, long long *value);

#endif
