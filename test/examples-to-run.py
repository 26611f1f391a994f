#! /usr/bin/env python3
# The module's examples rerun as smoke tests by ns-3's test.py (in an ns-3 tree). Each entry:
# (example with arguments, whether to run it, whether to run it under valgrind).
# The examples read the shared data folder (../shared by default, or their --profile/--trace).

cpp_examples = [
    ("layered-video-session --chunks=12 --abr=robust-mpc", "True", "False"),
    ("layered-video-clients --clients=3 --chunks=8 --rate=6 --cross=onoff", "True", "False"),
    ("layered-video-compare --abrs=bba --chunks=6 --jobs=1 --out=results/smoke-compare "
     "--traces=../shared/traces/pensieve-test/norway_bus_1", "True", "False"),
]

python_examples = []
