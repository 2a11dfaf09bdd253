# Copyright (c) 2021 quillmark contributors
# Licensed under the Apache License, Version 2.0
"""Command line: quillmark build BOOK.md -o BOOK.pdf"""
import argparse

from .render import render_book


def main(argv=None):
    ap = argparse.ArgumentParser(prog="quillmark")
    ap.add_argument("source")
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args(argv)
    render_book(args.source, args.output)
    return 0
