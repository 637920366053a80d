/* bpf.h — tcpdump-syntax capture filters, compiled by libpcap and run on frames we already hold. */
#ifndef TAPSCOPE_BPF_H
#define TAPSCOPE_BPF_H

#include <stddef.h>

#include "frame.h"

struct bpf_filter;

/* Compiles expr for link type dlt (DLT_EN10MB, DLT_RAW...). NULL and libpcap's message in err on error. */
struct bpf_filter *bpf_filter_new(int dlt, const char *expr, char *err, size_t errlen);
/* 1 when the frame passes (the tun PI header, when present, is skipped first), else 0. */
int bpf_filter_match(const struct bpf_filter *b, const struct frame *f);
void bpf_filter_free(struct bpf_filter *b);

#endif
