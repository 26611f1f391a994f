# -*- Mode: python; py-indent-offset: 4; indent-tabs-mode: nil; coding: utf-8; -*-
# The ns-3 module `layered-video` for waf-based ns-3 trees (ns-3 <= 3.35): copy this folder to
# src/layered-video (or contrib/layered-video) and run ./waf configure. The source lists are the
# same as CMakeLists.txt's (test/check-build-lists.py checks it). nlohmann-json must be installed
# (Debian: nlohmann-json3-dev). The TestSuites need the shared data folder: set
# LAYERED_VIDEO_SHARED_DIR in the environment when running ./test.py.

def configure(conf):
    conf.env.append_value('CXXFLAGS', ['-std=c++17'])


def build(bld):
    module = bld.create_ns3_module('layered-video', ['core', 'network', 'internet', 'point-to-point', 'applications', 'traffic-control'])
    module.source = [
        'model/common/deterministic-random.cc',
        'model/common/half-float.cc',
        'model/common/safetensors-file.cc',
        'model/common/input-error.cc',
        'model/common/json-field-reader.cc',
        'model/common/output-folder.cc',
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
        'model/abr/layered-abr.cc',
        'model/abr/layered-buffer-abr.cc',
        'model/abr/layered-throughput-abr.cc',
        'model/abr/learned-abr.cc',
        'model/abr/robust-mpc-abr.cc',
        'model/abr/throughput-abr.cc',
        'model/sim/batch-report.cc',
        'model/sim/chunk-simulator.cc',
        'model/sim/fixed-schedule-abr.cc',
        'model/sim/offline-optimal.cc',
        'model/sim/session-batch.cc',
        # the learned ABR: policy state, actions, network, environment (no LibTorch)
        'model/rl/policy-layout.cc',
        'model/rl/policy-state.cc',
        'model/rl/policy-actions.cc',
        'model/rl/policy-network.cc',
        'model/rl/qoe-progress.cc',
        'model/rl/streaming-env.cc',
        # the ns-3 part: applications, trace-driven link, helpers
        'model/app/http-message.cc',
        'model/app/http-parser.cc',
        'model/app/video-fetch.cc',
        'model/app/video-connection.cc',
        'model/app/playback-monitor.cc',
        'model/app/video-session-setup.cc',
        'model/app/video-player.cc',
        'model/app/layered-video-server.cc',
        'model/app/layered-video-client.cc',
        'model/app/trace-driven-queue-disc.cc',
        'helper/layered-video-server-helper.cc',
        'helper/layered-video-client-helper.cc',
        'helper/trace-driven-bottleneck-helper.cc',
    ]

    headers = bld(features='ns3header')
    headers.module = 'layered-video'
    headers.source = [
        'model/common/deterministic-random.h',
        'model/common/half-float.h',
        'model/common/safetensors-file.h',
        'model/common/input-error.h',
        'model/common/json-field-reader.h',
        'model/common/output-folder.h',
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
        'model/abr/layered-abr.h',
        'model/abr/layered-buffer-abr.h',
        'model/abr/layered-throughput-abr.h',
        'model/abr/learned-abr.h',
        'model/abr/robust-mpc-abr.h',
        'model/abr/throughput-abr.h',
        'model/sim/batch-report.h',
        'model/sim/chunk-simulator.h',
        'model/sim/fixed-schedule-abr.h',
        'model/sim/offline-optimal.h',
        'model/sim/session-batch.h',
        'model/rl/policy-layout.h',
        'model/rl/policy-state.h',
        'model/rl/policy-actions.h',
        'model/rl/policy-network.h',
        'model/rl/qoe-progress.h',
        'model/rl/streaming-env.h',
        'model/app/http-message.h',
        'model/app/http-parser.h',
        'model/app/video-fetch.h',
        'model/app/video-connection.h',
        'model/app/playback-monitor.h',
        'model/app/video-session-setup.h',
        'model/app/video-player.h',
        'model/app/layered-video-server.h',
        'model/app/layered-video-client.h',
        'model/app/trace-driven-queue-disc.h',
        'helper/layered-video-server-helper.h',
        'helper/layered-video-client-helper.h',
        'helper/trace-driven-bottleneck-helper.h',
    ]

    module_test = bld.create_ns3_module_test_library('layered-video')
    module_test.source = [
        'test/test-data-paths.cc',
        'test/video-session-fixture.cc',
        'test/http-parser-test-suite.cc',
        'test/trace-driven-link-test-suite.cc',
        'test/layered-video-http-test-suite.cc',
        'test/layered-video-session-test-suite.cc',
        'test/layered-video-sharing-test-suite.cc',
        'test/layered-video-config-test-suite.cc',
        'test/layered-video-learned-test-suite.cc',
    ]

    if bld.env.ENABLE_EXAMPLES:
        bld.recurse('examples')
