package parse

// Word-at-a-time tests. Every file's bytes pass through a few whole-text
// scans (decode's binary and UTF-16 sniffing, Sanitize, the exotic-space
// check) that look for bytes most text never holds. Eight bytes loaded as
// one word are tested at once; a word that might hold such a byte is read
// byte by byte as before, so each scan answers what it did.

const (
	ones8  = 0x0101010101010101
	highs8 = 0x8080808080808080
)

// load8 is s[i:i+8] as a little-endian word; the compiler makes it one load.
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// load8b is load8 on bytes.
func load8b(b []byte, i int) uint64 {
	b = b[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// anyBelow reports whether a byte of x is less than n (n ≤ 128). It has
// no false negatives: a byte below n always borrows into its high bit.
func anyBelow(x uint64, n byte) bool {
	return (x-ones8*uint64(n))&^x&highs8 != 0
}

// anyHigh reports whether a byte of x is 0x80 or more: not ASCII.
func anyHigh(x uint64) bool { return x&highs8 != 0 }

// anyByte reports whether a byte of x is c.
func anyByte(x uint64, c byte) bool { return anyBelow(x^(ones8*uint64(c)), 1) }
