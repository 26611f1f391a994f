#!/usr/bin/env python3
"""Checks that CMakeLists.txt and wscript list the same module sources, headers and tests.

CMake keeps the plain C++ core (layered_video_sources/_headers) and the ns-3 part
(layered_video_ns3_sources/_headers) in separate lists; waf builds them as one module, so
module.source / headers.source must hold both. The ns-3 TestSuites are layered_video_test_sources
in CMake and module_test.source in waf.

Usage: check-build-lists.py REPO_ROOT. Exit 0 when they agree, else prints the differences.
"""
import pathlib
import re
import sys


def cmake_list(text, name):
    match = re.search(r"set\(\s*" + name + r"\s+(.*?)\)", text, re.S)
    if not match:
        sys.exit(f"CMakeLists.txt: no set({name} ...)")
    return {item for item in match.group(1).split() if not item.startswith("#")}


def waf_list(text, attribute):
    match = re.search(attribute + r"\s*=\s*\[(.*?)\]", text, re.S)
    if not match:
        sys.exit(f"wscript: no {attribute} = [...]")
    return set(re.findall(r"['\"]([^'\"]+)['\"]", match.group(1)))


def main(root):
    root = pathlib.Path(root)
    cmake = (root / "CMakeLists.txt").read_text()
    waf = (root / "wscript").read_text()
    pairs = [
        (
            "sources",
            cmake_list(cmake, "layered_video_sources") | cmake_list(cmake, "layered_video_ns3_sources"),
            waf_list(waf, r"\bmodule\.source"),
        ),
        (
            "headers",
            cmake_list(cmake, "layered_video_headers") | cmake_list(cmake, "layered_video_ns3_headers"),
            waf_list(waf, r"headers\.source"),
        ),
        ("tests", cmake_list(cmake, "layered_video_test_sources"), waf_list(waf, r"module_test\.source")),
    ]
    bad = False
    for what, in_cmake, in_waf in pairs:
        for path in sorted(in_cmake - in_waf):
            print(f"{what}: {path} is in CMakeLists.txt but not in wscript")
            bad = True
        for path in sorted(in_waf - in_cmake):
            print(f"{what}: {path} is in wscript but not in CMakeLists.txt")
            bad = True
        for path in sorted(in_cmake):
            if not (root / path).is_file():
                print(f"{what}: {path} is listed but does not exist")
                bad = True
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
