"""Binary workspace files built deterministically (same input, same bytes): tar.gz and zip archives.
Fixed mtimes, owners and modes, and no gzip timestamp, so a task's fingerprint and the published
folder do not depend on when or where it was generated."""
from __future__ import annotations

import gzip
import io
import tarfile
import zipfile

EPOCH = 1_700_000_000          # 2023-11-14, a plausible fixed mtime for every member


def _raw(content: str | bytes) -> bytes:
    return content if isinstance(content, bytes) else content.encode("utf-8")


def tar_bytes(files: dict[str, str | bytes], mtimes: dict[str, int] | None = None) -> bytes:
    """An uncompressed tar of `files` (member name -> content), members in sorted order, with
    the parent folders as their own entries the way `tar -c` writes them."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        seen: set[str] = set()
        for name in sorted(files):
            parts = name.split("/")[:-1]
            for i in range(1, len(parts) + 1):
                folder = "/".join(parts[:i])
                if folder not in seen:
                    seen.add(folder)
                    info = tarfile.TarInfo(folder)
                    info.type, info.mode, info.mtime = tarfile.DIRTYPE, 0o755, EPOCH
                    info.uname = info.gname = "user"
                    tar.addfile(info)
            data = _raw(files[name])
            info = tarfile.TarInfo(name)
            info.size, info.mode = len(data), 0o644
            info.mtime = (mtimes or {}).get(name, EPOCH)
            info.uname = info.gname = "user"
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def tar_gz(files: dict[str, str | bytes], mtimes: dict[str, int] | None = None) -> bytes:
    return gzip.compress(tar_bytes(files, mtimes), compresslevel=6, mtime=0)


def zip_bytes(files: dict[str, str | bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=(2023, 11, 14, 22, 13, 20))
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, _raw(files[name]))
    return buf.getvalue()


def read_tar(data: bytes) -> dict[str, bytes]:
    """Regular members of a (possibly gzipped) tar, name -> content: stage 3 re-reads the archive
    it was given rather than trusting stage 2's inputs."""
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:*") as tar:
        return {m.name: tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()}


def read_zip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist() if not n.endswith("/")}
