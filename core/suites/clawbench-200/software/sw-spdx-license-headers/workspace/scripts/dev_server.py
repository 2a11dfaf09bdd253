#!/usr/bin/env python3
# Copyright (c) 2021 quillmark contributors
# Licensed under the Apache License, Version 2.0
"""Serve dist/ on localhost:8000 while writing."""
import http.server
import os

os.chdir(os.path.join(os.path.dirname(__file__), "..", "dist"))
http.server.test(HandlerClass=http.server.SimpleHTTPRequestHandler, port=8000)
