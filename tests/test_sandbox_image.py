"""The default image helpers: mirror discovery, presence checks, and the offline build's no-op path."""
from __future__ import annotations

from sandbox import DEFAULT_IMAGE, build_image_offline, image_exists
from sandbox.image import FALLBACK_MIRROR, PACKAGES, DOCKERFILE, default_mirror


def test_mirror_from_deb822_sources(tmp_path):
    (tmp_path / "sources.list.d").mkdir()
    (tmp_path / "sources.list.d" / "debian.sources").write_text(
        "Types: deb\n# URIs: http://commented.example/debian\nURIs: http://mirror.example/debian\n"
        "Suites: bookworm\n\nTypes: deb\nURIs: http://mirror.example/debian-security\n")
    (tmp_path / "sources.list").write_text("deb http://other.example/debian bookworm main\n")
    assert default_mirror(tmp_path) == "http://mirror.example/debian"


def test_mirror_from_sources_list_then_fallback(tmp_path):
    (tmp_path / "sources.list").write_text(
        "# deb http://commented.example/debian bookworm main\n"
        "deb [arch=amd64 signed-by=/k.gpg] http://list.example/debian bookworm main\n")
    assert default_mirror(tmp_path) == "http://list.example/debian"
    assert default_mirror(tmp_path / "missing") == FALLBACK_MIRROR


def test_dockerfile_installs_the_same_packages():
    text = DOCKERFILE.read_text()
    for pkg in PACKAGES:
        assert f" {pkg} " in text.replace("\n", " "), pkg


def test_image_presence_and_idempotent_offline_build(docker_backend):
    assert image_exists(DEFAULT_IMAGE)
    assert not image_exists("clawbench/no-such-image:nope")
    said = []
    build_image_offline(DEFAULT_IMAGE, log=said.append)     # present already: returns at once
    assert said and "already present" in said[0]
