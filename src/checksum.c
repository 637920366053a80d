/* checksum.c — the Internet checksum (RFC 1071) and the IPv4/IPv6 pseudo-headers. */
#include "checksum.h"

uint32_t csum_add(uint32_t sum, const void *data, size_t len)
{
	const uint8_t *p = data;
	uint64_t s = sum;

	while (len >= 2) {
		s += (uint32_t)(p[0] << 8 | p[1]);
		p += 2;
		len -= 2;
	}
	if (len)
		s += (uint32_t)(p[0] << 8);
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint32_t)s;
}

uint16_t csum_fold(uint32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

uint16_t csum_buf(const void *data, size_t len)
{
	return csum_fold(csum_add(0, data, len));
}

int csum_verify(uint32_t sum, const uint8_t *buf, size_t len, size_t csum_off, uint16_t *correct)
{
	uint32_t without = csum_add(csum_add(sum, buf, csum_off), buf + csum_off + 2, len - csum_off - 2);

	*correct = csum_fold(without);
	return csum_fold(csum_add(sum, buf, len)) == 0;
}

uint32_t csum_pseudo4(const uint8_t *src, const uint8_t *dst, uint8_t proto, uint32_t len)
{
	uint32_t s = csum_add(0, src, 4);

	s = csum_add(s, dst, 4);
	return s + proto + (len & 0xffff) + (len >> 16);
}

uint32_t csum_pseudo6(const uint8_t *src, const uint8_t *dst, uint8_t next, uint32_t len)
{
	uint32_t s = csum_add(0, src, 16);

	s = csum_add(s, dst, 16);
	return s + next + (len & 0xffff) + (len >> 16);
}
