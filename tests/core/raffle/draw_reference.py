#!/usr/bin/env python3
"""An independent implementation of the draw of core/raffle/draw.h, in Python with hashlib
and hmac, that made the fixed vectors of draw_test.cpp.

    python3 tests/core/raffle/draw_reference.py

prints every vector the test pastes; the C++ is right when it gives the same. Written from the
header's comment, not from the C++:

    key      = SHA-256("beitai-draw-v1\\n" + entries_sha256 + "\\n" + seed_value + "\\n")
    block i  = SHA-256(key || i as 8 bytes big-endian)
    a word   = 8 bytes of the stream, big-endian; 4 words a block
    below(n) = the next word w < 2^64 - (2^64 mod n), as w mod n
    prize k  = swap(list[k], list[k + below(n - k)]); the winner is list[k]
"""
import hashlib
import hmac

SECRET = b"made-up entry secret for the tests, 32+ bytes long"
SEED = "01 07 13 22 30 38 + 05"  # a made-up lottery result


def entry_id(secret, campaign, participant):
    mac = hmac.new(secret, ("beitai-entry\n%s\n%d" % (campaign, participant)).encode(), hashlib.sha256)
    return "E" + mac.hexdigest()[:15]


def entries_document(entries):
    return "".join(e + "\n" for e in sorted(set(entries)))


class DrawStream:
    def __init__(self, entries_sha256, seed_value):
        self.key = hashlib.sha256(("beitai-draw-v1\n%s\n%s\n" % (entries_sha256, seed_value)).encode()).digest()
        self.words = []
        self.block = 0
        self.used = 0

    def next_word(self):
        if not self.words:
            b = hashlib.sha256(self.key + self.block.to_bytes(8, "big")).digest()
            self.block += 1
            self.words = [int.from_bytes(b[i:i + 8], "big") for i in range(0, 32, 8)]
        self.used += 1
        return self.words.pop(0)

    def below(self, n):
        limit = 2**64 - (2**64 % n)
        while True:
            w = self.next_word()
            if w < limit:
                return w % n


def run_draw(entries, seed_value, slots):
    doc = entries_document(entries)
    digest = hashlib.sha256(doc.encode()).hexdigest()
    lst = sorted(set(entries))
    stream = DrawStream(digest, seed_value)
    winners = []
    for k in range(min(slots, len(lst))):
        j = k + stream.below(len(lst) - k)
        lst[k], lst[j] = lst[j], lst[k]
        winners.append(lst[k])
    return winners


def main():
    ids = [entry_id(SECRET, "2026-demo", p) for p in range(1, 13)]
    print("entry ids of participants 1..12 in campaign 2026-demo:")
    for p, e in enumerate(ids, 1):
        print("  %2d %s" % (p, e))
    print("entry id of participant 9007199254740993 in campaign 112:",
          entry_id(SECRET, "112", 9007199254740993))

    doc = entries_document(ids)
    print("entries_sha256 of the 12:", hashlib.sha256(doc.encode()).hexdigest())
    print("entries_sha256 of none:", hashlib.sha256(b"").hexdigest())

    s = DrawStream("0" * 64, SEED)
    print("first 6 words of the stream (entries_sha256 = 64 zeros):", ["%016x" % s.next_word() for _ in range(6)])

    print("12 entries, 5 slots:", run_draw(ids, SEED, 5))
    print("12 entries, 12 slots:", run_draw(ids, SEED, 12))
    print("5 entries, 8 slots:", run_draw(ids[:5], SEED, 8))
    print("1 entry, 3 slots:", run_draw(ids[:1], SEED, 3))
    print("0 entries, 3 slots:", run_draw([], SEED, 3))
    print("12 entries, another seed:", run_draw(ids, "01 07 13 22 30 38 + 06", 5))

    for n in (2**63 + 1, 3 * 2**62):
        s = DrawStream("0" * 64, SEED)
        values = [s.below(n) for _ in range(8)]
        print("below(%d) x8:" % n, values, "words used:", s.used)


if __name__ == "__main__":
    main()
