import re
from pathlib import Path

from setuptools import find_packages, setup

HERE = Path(__file__).resolve().parent


def read_requirements(name):
    lines = (HERE / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith(("#", "-r"))]


version = re.search(r'^__version__ = "([^"]+)"', (HERE / "src/gridwatch/__init__.py").read_text(), re.M).group(1)

extras = {
    "plot": ["matplotlib>=3.7"],
    "s3": ["boto3>=1.28,<2", "botocore>=1.31"],
    "dev": read_requirements("requirements-dev.txt"),
}
extras["all"] = extras["plot"] + extras["s3"]

setup(
    name="gridwatch",
    version=version,
    description="Mains frequency monitoring and event detection for community energy projects",
    long_description=(HERE / "README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    author="Ayşe Kaya",
    author_email="ayse@gridwatch.example",
    url="https://codeberg.org/gridwatch/gridwatch",
    project_urls={
        "Documentation": "https://gridwatch.codeberg.page/",
        "Issues": "https://codeberg.org/gridwatch/gridwatch/issues",
    },
    license="Apache-2.0",
    package_dir={"": "src"},
    packages=find_packages("src"),
    package_data={"gridwatch": ["data/*.csv", "py.typed"]},
    python_requires=">=3.9",
    install_requires=read_requirements("requirements.txt"),
    extras_require=extras,
    entry_points={
        "console_scripts": [
            "gridwatch=gridwatch.cli:main",
            "gw-export=gridwatch.export:main",
        ],
        "gridwatch.exporters": [
            "csv=gridwatch.export:CsvExporter",
            "influx=gridwatch.export:InfluxExporter",
        ],
    },
    keywords=["power grid", "mains frequency", "energy", "monitoring"],
    classifiers=[
        "Development Status :: 5 - Production/Stable",
        "Intended Audience :: Science/Research",
        "License :: OSI Approved :: Apache Software License",
        "Programming Language :: Python :: 3",
        "Programming Language :: Python :: 3.9",
        "Programming Language :: Python :: 3.10",
        "Programming Language :: Python :: 3.11",
        "Programming Language :: Python :: 3.12",
        "Topic :: Scientific/Engineering",
    ],
)
