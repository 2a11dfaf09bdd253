"""The default sandbox image: built from sandbox/Dockerfile where a registry is reachable, or
offline with debootstrap from a Debian mirror (no Docker Hub needed) and `docker import`."""
from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Callable

from .base import SandboxError

DEFAULT_IMAGE = "clawbench/sandbox:latest"
SUITE = "bookworm"
FALLBACK_MIRROR = "http://deb.debian.org/debian"
DOCKERFILE = Path(__file__).with_name("Dockerfile")
IMAGE_LABEL = "org.clawbench.image"
# Keep in step with the Dockerfile.
PACKAGES = ["python3", "python3-yaml", "git", "jq", "procps", "coreutils", "grep", "sed", "gawk",
            "findutils", "tar", "gzip", "zip", "unzip", "xz-utils", "bzip2", "file", "less",
            "ca-certificates", "make", "diffutils", "patch", "sqlite3", "bc"]
# What `docker import` cannot carry from a Dockerfile, given as --change lines.
IMAGE_CHANGES = [
    "ENV LANG=C.UTF-8",
    "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    f"LABEL {IMAGE_LABEL}=sandbox",
    "WORKDIR /workspace",
    'CMD ["sleep", "3600"]',
]
# Removed from the rootfs to keep the image small; none of it is needed at run time.
PRUNE = ["var/cache/apt/archives/*.deb", "var/cache/apt/*.bin", "var/lib/apt/lists/*",
         "usr/share/doc/*", "usr/share/man/*", "usr/share/info/*", "usr/share/lintian",
         "var/log/*.log", "var/log/apt/*", "var/cache/debconf/*-old"]


def image_exists(tag: str = DEFAULT_IMAGE) -> bool:
    """True when the engine has `tag`; False when it does not (or no engine answers)."""
    import docker
    from .docker_backend import docker_client

    try:
        docker_client().images.get(tag)
        return True
    except (docker.errors.DockerException, SandboxError):
        return False


def build_image(tag: str = DEFAULT_IMAGE, log: Callable[[str], None] = print) -> None:
    """`docker build` sandbox/Dockerfile (needs a registry that serves debian:bookworm-slim)."""
    from .docker_backend import docker_client

    log(f"building {tag} from {DOCKERFILE}")
    _, lines = docker_client().images.build(path=str(DOCKERFILE.parent), dockerfile=DOCKERFILE.name,
                                            tag=tag, rm=True, pull=True)
    for line in lines:
        if line.get("stream", "").strip():
            log(line["stream"].rstrip())


def default_mirror(etc_apt: Path = Path("/etc/apt")) -> str:
    """The host's own Debian mirror (first deb822 `URIs:`, then first `deb ` line), else deb.debian.org."""
    for path in sorted(glob.glob(str(etc_apt / "sources.list.d" / "*.sources"))):
        for line in _lines(path):
            m = re.match(r"URIs:\s*(\S+)", line)
            if m and "security" not in m.group(1):
                return m.group(1)
    for line in _lines(str(etc_apt / "sources.list")):
        m = re.match(r"deb\s+(?:\[[^]]*\]\s+)?(\S+)", line)
        if m and "security" not in m.group(1):
            return m.group(1)
    return FALLBACK_MIRROR


def _lines(path: str) -> list[str]:
    try:
        return [ln.strip() for ln in Path(path).read_text().splitlines() if not ln.lstrip().startswith("#")]
    except OSError:
        return []


def build_image_offline(tag: str = DEFAULT_IMAGE, mirror: str | None = None,
                        log: Callable[[str], None] = print, force: bool = False) -> None:
    """Build `tag` without a registry: debootstrap a minimal bookworm with PACKAGES from `mirror`,
    prune it, and import it into the engine. Skips the work when `tag` exists (unless force).
    Needs root, debootstrap and a reachable Debian mirror."""
    from .docker_backend import docker_client

    if not force and image_exists(tag):
        log(f"{tag} already present; nothing to do (force=True rebuilds)")
        return
    if shutil.which("debootstrap") is None:
        raise SandboxError("debootstrap not found: apt-get install debootstrap")
    if os.geteuid() != 0:
        raise SandboxError("the offline image build runs debootstrap, which needs root")
    client = docker_client()  # fail early, before a minute of debootstrap, if no engine answers
    client.ping()
    replaced = _image_id(client, tag)
    mirror = mirror or default_mirror()
    started = time.monotonic()
    tmp = Path(tempfile.mkdtemp(prefix="clawbench-image-"))
    try:
        rootfs = tmp / "rootfs"
        log(f"debootstrap {SUITE} from {mirror} into {rootfs} (about a minute)")
        cmd = ["debootstrap", "--variant=minbase", f"--include={','.join(PACKAGES)}", SUITE, str(rootfs), mirror]
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if proc.returncode != 0:
            raise SandboxError(f"debootstrap failed (exit {proc.returncode}); last output:\n{proc.stdout[-3000:]}")
        _prune(rootfs)
        tarball = tmp / "rootfs.tar"
        subprocess.run(["tar", "--numeric-owner", "-C", str(rootfs), "-cf", str(tarball), "."], check=True)
        repo, _, version = tag.rpartition(":") if ":" in tag.split("/")[-1] else (tag, "", "latest")
        log(f"importing {tarball.stat().st_size / 1e6:.0f} MB rootfs as {tag}")
        client.api.import_image_from_file(str(tarball), repository=repo, tag=version, changes=IMAGE_CHANGES)
        new_id = _image_id(client, tag)
        if new_id is None:
            raise SandboxError(f"docker import finished but {tag} is not listed by the engine")
        if replaced and replaced != new_id:
            _remove_quietly(client, replaced)   # don't leave the old build behind, untagged
        log(f"built {tag} in {time.monotonic() - started:.0f} s")
    finally:
        if _unmount_under(tmp):
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            log(f"left {tmp} in place: something is still mounted inside it")


def _image_id(client, tag: str) -> str | None:
    import docker
    try:
        return client.images.get(tag).id
    except docker.errors.ImageNotFound:
        return None


def _remove_quietly(client, image_id: str) -> None:
    import docker
    try:
        client.images.remove(image_id)
    except docker.errors.APIError:
        pass    # still used by a container; `docker image prune` will get it later


def _mounts_under(path: Path) -> list[str]:
    prefix = str(path) + "/"
    with open("/proc/self/mountinfo") as f:
        points = [line.split()[4].replace("\\040", " ") for line in f]
    return sorted((p for p in points if p.startswith(prefix)), key=len, reverse=True)


def _unmount_under(path: Path) -> bool:
    """debootstrap mounts proc, sys and host /dev entries inside the rootfs; if it died before
    unmounting them, rmtree would reach through and delete the host's. True when nothing is left."""
    for point in _mounts_under(path):
        subprocess.run(["umount", "-l", point], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return not _mounts_under(path)


def _prune(rootfs: Path) -> None:
    for pattern in PRUNE:
        for path in glob.glob(str(rootfs / pattern)):
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path, ignore_errors=True)
            else:
                os.unlink(path)
    for locale_dir in (rootfs / "usr/share/locale").glob("*"):
        if locale_dir.is_dir():
            shutil.rmtree(locale_dir, ignore_errors=True)
    (rootfs / "workspace").mkdir(exist_ok=True)
    (rootfs / "opt/clawbench").mkdir(parents=True, exist_ok=True)
    # debootstrap leaves the host's resolv.conf/hostname behind; the engine provides its own.
    for leftover in ("etc/resolv.conf", "etc/hostname"):
        path = rootfs / leftover
        if path.is_file() and not path.is_symlink():
            path.write_text("")
