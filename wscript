# -*- Mode: python; py-indent-offset: 4; indent-tabs-mode: nil; coding: utf-8; -*-
# The ns-3 module `layered-video` for waf-based ns-3 trees (ns-3 <= 3.35): copy this folder to
# src/layered-video (or contrib/layered-video) and run ./waf configure. The source lists are the
# same as CMakeLists.txt's (test/check-build-lists.py checks it). nlohmann-json must be installed
# (Debian: nlohmann-json3-dev).

def configure(conf):
    conf.env.append_value('CXXFLAGS', ['-std=c++17'])


def build(bld):
    module = bld.create_ns3_module('layered-video', ['core', 'network', 'internet', 'point-to-point', 'applications', 'traffic-control'])
    module.source = [
        'model/common/deterministic-random.cc',
        'model/common/input-error.cc',
        'model/common/json-field-reader.cc',
        'model/common/text-input.cc',
        'model/trace/bandwidth-trace.cc',
        'model/trace/bandwidth-trace-parser.cc',
        'model/trace/bandwidth-trace-parser-tabular.cc',
        'model/trace/compute-capacity.cc',
        'model/video/video-profile.cc',
        'model/video/video-profile-reader.cc',
        'model/video/video-profile-writer.cc',
        'model/playback/decode-model.cc',
        'model/playback/playback-buffer.cc',
        'model/playback/qoe.cc',
        'model/playback/session-log.cc',
        'model/playback/streaming-session.cc',
        'model/abr/abr-algorithm.cc',
        'model/abr/abr-context.cc',
        'model/abr/abr-levels.cc',
        'model/abr/bba-abr.cc',
        'model/abr/bola-abr.cc',
        'model/abr/bola-fs-abr.cc',
        'model/abr/layered-buffer-abr.cc',
        'model/abr/layered-throughput-abr.cc',
        'model/abr/robust-mpc-abr.cc',
        'model/abr/throughput-abr.cc',
        'model/sim/batch-report.cc',
        'model/sim/chunk-simulator.cc',
        'model/sim/fixed-schedule-abr.cc',
        'model/sim/offline-optimal.cc',
        'model/sim/session-batch.cc',
    ]

    headers = bld(features='ns3header')
    headers.module = 'layered-video'
    headers.source = [
        'model/common/deterministic-random.h',
        'model/common/input-error.h',
        'model/common/json-field-reader.h',
        'model/common/text-input.h',
        'model/trace/bandwidth-trace.h',
        'model/trace/compute-capacity.h',
        'model/video/video-profile.h',
        'model/playback/decode-model.h',
        'model/playback/playback-buffer.h',
        'model/playback/qoe.h',
        'model/playback/session-log.h',
        'model/playback/streaming-session.h',
        'model/abr/abr-algorithm.h',
        'model/abr/abr-context.h',
        'model/abr/abr-levels.h',
        'model/abr/bba-abr.h',
        'model/abr/bola-abr.h',
        'model/abr/bola-fs-abr.h',
        'model/abr/layered-buffer-abr.h',
        'model/abr/layered-throughput-abr.h',
        'model/abr/robust-mpc-abr.h',
        'model/abr/throughput-abr.h',
        'model/sim/batch-report.h',
        'model/sim/chunk-simulator.h',
        'model/sim/fixed-schedule-abr.h',
        'model/sim/offline-optimal.h',
        'model/sim/session-batch.h',
    ]

    if bld.env.ENABLE_EXAMPLES:
        bld.recurse('examples')
