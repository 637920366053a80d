/* checksum.h — the Internet checksum (RFC 1071) and the IPv4/IPv6 pseudo-headers. */
#ifndef TAPSCOPE_CHECKSUM_H
#define TAPSCOPE_CHECKSUM_H

#include <stddef.h>
#include <stdint.h>

/* Adds len bytes to a running one's-complement sum (start with 0). */
uint32_t csum_add(uint32_t sum, const void *data, size_t len);
/* Folds a running sum and complements it: the value to store in a header. */
uint16_t csum_fold(uint32_t sum);
/* Checksum of a buffer alone (IPv4 header, ICMP message). */
uint16_t csum_buf(const void *data, size_t len);
/* Checks the checksum stored at csum_off (2 bytes) in buf[0..len), starting from sum (a
 * pseudo-header's, or 0). Returns 1 when it verifies; *correct gets the value the field
 * should hold (the sum taken with the field as zero). */
int csum_verify(uint32_t sum, const uint8_t *buf, size_t len, size_t csum_off, uint16_t *correct);
/* Running sum of the IPv4 pseudo-header (src, dst: 4 bytes each, network order). */
uint32_t csum_pseudo4(const uint8_t *src, const uint8_t *dst, uint8_t proto, uint32_t len);
/* Running sum of the IPv6 pseudo-header (src, dst: 16 bytes each). */
uint32_t csum_pseudo6(const uint8_t *src, const uint8_t *dst, uint8_t next, uint32_t len);

#endif
