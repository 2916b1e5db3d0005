#!/usr/bin/env python3
"""The floor of the write stage on this machine (docs/performance.md): the bytes a publish wrote
(every file of a feed directory but the .gz siblings and dotfiles), compressed at gzip level 4 on
one core with the system zlib, then written to a new folder and flushed file by file. No rendering,
no store: what any publisher of the same file set pays at least, per core.

Usage: bench/floor.py FEED_DIR"""
import os, sys, tempfile, time, zlib

root = sys.argv[1]
files = []
for folder, dirs, names in os.walk(root):
    dirs[:] = [d for d in dirs if not d.startswith(".")]
    files += [os.path.join(folder, n) for n in names if not n.startswith(".") and not n.endswith(".gz")]
data = [open(f, "rb").read() for f in files]
size = sum(len(d) for d in data)

start = time.perf_counter()
compressed = []
for d in data:
    c = zlib.compressobj(4, zlib.DEFLATED, 31)
    compressed.append(c.compress(d) + c.flush())
gzip_s = time.perf_counter() - start

with tempfile.TemporaryDirectory(dir=os.path.dirname(os.path.abspath(root))) as out:
    start = time.perf_counter()
    for i, (d, c) in enumerate(zip(data, compressed)):
        for name, b in ((f"{i}", d), (f"{i}.gz", c)):
            fd = os.open(os.path.join(out, name), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            os.write(fd, b)
            os.fsync(fd)
            os.close(fd)
    write_s = time.perf_counter() - start

mb = size / 1e6
print(f"Floor: {len(files)} files, {mb:.0f} MB ({sum(map(len, compressed)) / 1e6:.0f} MB gzipped): "
      f"gzip level 4 on one core {gzip_s:.2f} s ({mb / gzip_s:.0f} MB/s); "
      f"writing both and fsync one by one {write_s:.2f} s ({2 * len(files) / write_s:.0f} files/s)")
