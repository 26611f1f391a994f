// The layered wavelet codec's speed on one clip: encode frames per second (with and without the
// exit-map decisions), and per decoder exit the decode time per frame of every layer prefix, with
// 1 and 2 threads for the restoration network, all in one run (ratios are what to compare on a
// shared machine). bench/README.md, "Layered codec".
#include "common/cpu-name.h"
#include "common/stopwatch.h"
#include "io/video-reader.h"
#include "nn/compute-threads.h"
#include "restore/restorer.h"
#include "wavelet/wavelet-chunk.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

int
main(int argc, char** argv)
{
    CLI::App app{"layered wavelet codec: encode and decode speed"};
    std::string video = std::string(LAYERED_VIDEO_SHARED_DIR) + "/videos/y4m/foreman_cif_60f.y4m";
    std::string restore = LVC_DEFAULT_RESTORE_WEIGHTS;
    int repeat = 3;
    app.add_option("--video", video, "the clip (one chunk of its first frames)")
        ->capture_default_str();
    app.add_option("--restore-weights", restore, "the restoration network")->capture_default_str();
    app.add_option("--repeat", repeat, "runs per measurement (the fastest kept)")
        ->capture_default_str();
    CLI11_PARSE(app, argc, argv);

    lvc::VideoReader reader(video);
    std::vector<lvc::Frame> frames;
    lvc::Frame frame;
    while (frames.size() < 60 && reader.Read(frame))
    {
        frames.push_back(frame);
    }
    const double n = static_cast<double>(frames.size());
    lvc::WaveletCodingOptions options;
    std::printf("CPU: %s; %s, %zu frames of %dx%d\n",
                lvc::CpuModelName().c_str(),
                video.c_str(),
                frames.size(),
                frames[0].Width(),
                frames[0].Height());
    auto fastest = [&](auto run) {
        double best = 1e300;
        for (int r = 0; r < repeat; ++r)
        {
            const lvc::Stopwatch stopwatch;
            run();
            best = std::min(best, stopwatch.Seconds());
        }
        return best;
    };
    const double encode_s = fastest([&] { lvc::EncodeWaveletChunk(frames, options); });
    for (int threads : {1, 2})
    {
        lvc::NetworkRestorer restorer(restore, threads);
        lvc::EncodedWaveletChunk coded;
        const double maps_s =
            fastest([&] { coded = lvc::EncodeWaveletChunk(frames, options, &restorer); });
        if (threads == 1)
        {
            std::printf("encode: %.1f frames/s without exit maps, %.1f with them (one thread)\n",
                        n / encode_s,
                        n / maps_s);
        }
        const int exits = lvc::WaveletExitCount(&restorer);
        std::printf("\n%d thread(s) for the network; decode ms per frame (entropy decoding of "
                    "layers 1..k + the "
                    "exit's rebuild and network)\n| exit |",
                    threads);
        for (std::size_t k = 1; k <= coded.layers.size(); ++k)
        {
            std::printf(" k=%zu |", k);
        }
        std::printf(" k=K / k=1 | frames/s at K |\n|---|");
        for (std::size_t k = 0; k <= coded.layers.size() + 1; ++k)
        {
            std::printf("---|");
        }
        std::printf("\n");
        for (int e = 1; e <= exits; ++e)
        {
            std::printf("| %d |", e);
            double first = 0;
            double last = 0;
            for (std::size_t k = 1; k <= coded.layers.size(); ++k)
            {
                const double s = fastest([&] {
                    lvc::WaveletChunkDecoder decoder(frames[0].Width(),
                                                     frames[0].Height(),
                                                     static_cast<int>(n),
                                                     options.gop_frames);
                    for (std::size_t j = 0; j < k; ++j)
                    {
                        decoder.DecodeLayer(coded.layers[j]);
                    }
                    lvc::DecodeAtExit(decoder, &restorer, e);
                });
                first = k == 1 ? s : first;
                last = s;
                std::printf(" %.1f |", 1000 * s / n);
            }
            std::printf(" %.2f | %.1f |\n", last / first, n / last);
        }
    }
    return 0;
}
