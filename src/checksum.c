/* checksum.c — the Internet checksum (RFC 1071) and the IPv4/IPv6 pseudo-headers. */
#include "checksum.h"

#include <string.h>

/*
 * Eight bytes at a time in the host's byte order, then folded and swapped: the ones' complement
 * sum does not care how the words are grouped or in which byte order they are added (RFC 1071
 * section 2), so this is the same 16-bit value, 0 only when every byte is 0, as adding the
 * big-endian 16-bit words one by one.
 */
uint32_t csum_add(uint32_t sum, const void *data, size_t len)
{
	const uint8_t *p = data;
	uint64_t s = 0, r;

	for (; len >= 8; p += 8, len -= 8) {
		uint64_t x;

		memcpy(&x, p, 8);
		s += (x & 0xffffffffu) + (x >> 32);
	}
	for (; len >= 2; p += 2, len -= 2) {
		uint16_t x;

		memcpy(&x, p, 2);
		s += x;
	}
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	s = (uint16_t)(s << 8 | s >> 8);
#endif
	r = (uint64_t)sum + s;
	if (len)
		r += (uint32_t)(p[0] << 8);
	while (r >> 16)
		r = (r & 0xffff) + (r >> 16);
	return (uint32_t)r;
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

/* One pass over the bytes: the sum without the checksum field is the whole sum less the field
 * (ones' complement subtraction); only where that difference is a zero, which has two forms in
 * ones' complement, is it summed again without the field to say which. */
int csum_verify(uint32_t sum, const uint8_t *buf, size_t len, size_t csum_off, uint16_t *correct)
{
	uint32_t full = csum_add(sum, buf, len), without;
	uint16_t field = (uint16_t)(buf[csum_off] << 8 | buf[csum_off + 1]);

	without = full + (uint16_t)~field;
	while (without >> 16)
		without = (without & 0xffff) + (without >> 16);
	if ((without == 0 || without == 0xffff) || (csum_off & 1))
		without = csum_add(csum_add(sum, buf, csum_off), buf + csum_off + 2, len - csum_off - 2);
	*correct = csum_fold(without);
	return csum_fold(full) == 0;
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
