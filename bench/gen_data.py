#!/usr/bin/env python3
"""Deterministic benchmark data for jdisco's bench/run.sh.

  gen_data.py corpus DICT INDEX SIZE_BYTES OUT_FILE   one text file of whole lines, <= SIZE_BYTES
  gen_data.py chunks SIZE_BYTES CHUNK_BYTES DICT INDEX OUT_DIR   the same text cut into files
  gen_data.py records SIZE_BYTES OUT_FILE   100-byte records: 10-byte printable key, payload, \\n
  gen_data.py tiny SIZE_BYTES DICT INDEX OUT_FILE      the first SIZE_BYTES (whole lines)

The corpus: the dictd file of dict-gcide (gzip'd text) split into its entries by the dictd
index (headword, base64 offset, base64 length per line; entries shared by several headwords are
taken once), shuffled with a fixed seed, and repeated in that order until the size is reached.
The text is cut at the last line boundary at or before the size. Chunks are cut at line
boundaries too, each at most CHUNK_BYTES long: the way Disco users chunk their data.
"""
import gzip
import os
import random
import sys

SEED = 20260801
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def b64_number(text):
    n = 0
    for c in text:
        n = n * 64 + B64.index(c)
    return n


def entries(dict_path, index_path):
    with gzip.open(dict_path, "rb") as f:
        text = f.read()
    spans = set()
    with open(index_path, "rb") as f:
        for line in f:
            fields = line.rstrip(b"\n").split(b"\t")
            if len(fields) < 3 or fields[0].startswith(b"00-database"):
                continue
            spans.add((b64_number(fields[1].decode("ascii")), b64_number(fields[2].decode("ascii"))))
    out = []
    for off, length in sorted(spans):
        e = text[off:off + length]
        if not e.endswith(b"\n"):
            e += b"\n"
        out.append(e)
    random.Random(SEED).shuffle(out)
    return out


def text_stream(dict_path, index_path, size):
    """Yields blocks of whole lines, `size` bytes or fewer in all."""
    es = entries(dict_path, index_path)
    block = b"".join(es)
    written = 0
    while written < size:
        part = block[:size - written]
        if len(part) < len(block):
            cut = part.rfind(b"\n") + 1
            part = part[:cut]
            if not part:
                return
        yield part
        written += len(part)
        if len(part) < len(block):
            return


def write_corpus(dict_path, index_path, size, out_path):
    tmp = out_path + ".tmp"
    with open(tmp, "wb") as out:
        for part in text_stream(dict_path, index_path, size):
            out.write(part)
    os.replace(tmp, out_path)


def write_chunks(size, chunk, dict_path, index_path, out_dir):
    tmp_dir = out_dir + ".tmp"
    os.makedirs(tmp_dir, exist_ok=True)
    n = 0
    pending = b""
    def flush(data):
        nonlocal n
        with open(os.path.join(tmp_dir, "part-%04d.txt" % n), "wb") as out:
            out.write(data)
        n += 1
    for part in text_stream(dict_path, index_path, size):
        pending += part
        while len(pending) > chunk:
            cut = pending.rfind(b"\n", 0, chunk) + 1
            flush(pending[:cut])
            pending = pending[cut:]
    if pending:
        flush(pending)
    os.replace(tmp_dir, out_dir)


def write_records(size, out_path):
    rng = random.Random(SEED)
    printable = bytes(range(0x21, 0x7F))  # no space, no TAB: a key is one token
    tmp = out_path + ".tmp"
    with open(tmp, "wb") as out:
        buf = []
        for i in range(size // 100):
            key = bytes(rng.choices(printable, k=10))
            # 10 key bytes, 89 payload bytes (the record number and filler), 1 newline
            payload = (" %016d " % i).encode("ascii") + b"x" * 71
            buf.append(key + payload + b"\n")
            if len(buf) == 10000:
                out.write(b"".join(buf))
                buf = []
        out.write(b"".join(buf))
    os.replace(tmp, out_path)


def write_halves(src, out_dir):
    """Cuts the file src into two files of nearly equal size at a line boundary."""
    data = open(src, "rb").read()
    cut = data.rfind(b"\n", 0, len(data) // 2) + 1
    tmp_dir = out_dir + ".tmp"
    os.makedirs(tmp_dir, exist_ok=True)
    for i, part in enumerate((data[:cut], data[cut:])):
        with open(os.path.join(tmp_dir, "part-%04d.txt" % i), "wb") as out:
            out.write(part)
    os.replace(tmp_dir, out_dir)


def write_small(src, count, size, out_dir):
    """`count` files of about `size` bytes of whole lines of src, taken in turn from its start."""
    data = open(src, "rb").read()
    tmp_dir = out_dir + ".tmp"
    os.makedirs(tmp_dir, exist_ok=True)
    pos = 0
    for i in range(count):
        end = data.find(b"\n", pos + size - 1)
        if end < 0:
            pos, end = 0, data.find(b"\n", size - 1)
        with open(os.path.join(tmp_dir, "f%05d.txt" % i), "wb") as out:
            out.write(data[pos:end + 1])
        pos = end + 1
    os.replace(tmp_dir, out_dir)


def main(argv):
    kind = argv[1]
    if kind in ("corpus", "tiny"):
        write_corpus(argv[2], argv[3], int(argv[4]), argv[5])
    elif kind == "chunks":
        write_chunks(int(argv[2]), int(argv[3]), argv[4], argv[5], argv[6])
    elif kind == "halves":
        write_halves(argv[2], argv[3])
    elif kind == "small":
        write_small(argv[2], int(argv[3]), int(argv[4]), argv[5])
    elif kind == "records":
        write_records(int(argv[2]), argv[3])
    else:
        sys.exit("unknown kind " + kind)


if __name__ == "__main__":
    main(sys.argv)
