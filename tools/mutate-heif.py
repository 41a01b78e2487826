#!/usr/bin/env python3
"""Writes mutated copies of HEIC/AVIF files for a by-hand fuzz run (docs/RELIABILITY.md, "HEIC and AVIF").

usage: tools/mutate-heif.py OUT_DIR COUNT SEED FILE...

Each mutant is one of: a truncation, random byte changes, a box size field made larger than the file (or huge),
a 32-bit field set to an absurd value (declared sizes, tile counts), or a chunk duplicated. Deterministic for a SEED.
"""
import os
import random
import struct
import sys


def boxes(data):
    """Offsets of every plausible box header (size, 4 printable letters) in the file."""
    found = []
    for at in range(0, len(data) - 8):
        kind = data[at + 4:at + 8]
        if all(0x61 <= c <= 0x7a or 0x30 <= c <= 0x39 for c in kind):
            size = struct.unpack('>I', data[at:at + 4])[0]
            if 8 <= size <= len(data) - at:
                found.append(at)
    return found


def mutate(data, headers, rng):
    data = bytearray(data)
    kind = rng.randrange(6)
    if kind == 0:
        return bytes(data[:rng.randrange(1, len(data))]), 'truncated'
    if kind == 1:
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data), 'bytes'
    if kind == 2 and headers:
        at = rng.choice(headers)
        data[at:at + 4] = struct.pack('>I', rng.choice([len(data) * 4, 0xFFFFFFFF, 1, 0, 9]))
        return bytes(data), 'boxsize'
    if kind == 3 and headers:
        at = rng.choice(headers) + 8 + rng.randrange(0, 24)
        if at + 4 <= len(data):
            data[at:at + 4] = struct.pack('>I', rng.choice([0xFFFFFFFF, 0x7FFFFFFF, 0x10000, 65535, 0]))
        return bytes(data), 'field'
    if kind == 4:
        at = rng.randrange(len(data))
        if at + 2 <= len(data):
            data[at:at + 2] = struct.pack('>H', rng.choice([0xFFFF, 0xFF00, 0]))
        return bytes(data), 'short'
    start = rng.randrange(len(data))
    end = min(len(data), start + rng.randint(1, 64))
    return bytes(data[:end] + data[start:]), 'duplicated'


def main():
    out, count, seed, files = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
    os.makedirs(out, exist_ok=True)
    rng = random.Random(seed)
    sources = []
    for f in files:
        data = open(f, 'rb').read()
        sources.append((f, data, boxes(data)))
    for n in range(count):
        name, data, headers = rng.choice(sources)
        mutant, kind = mutate(data, headers, rng)
        ext = os.path.splitext(name)[1]
        with open(os.path.join(out, '%04d-%s-%s%s' % (n, kind, os.path.basename(name).rsplit('.', 1)[0], ext)),
                  'wb') as f:
            f.write(mutant)


if __name__ == '__main__':
    main()
