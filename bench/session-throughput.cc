// Sessions per second of the chunk-level simulator, per ABR, on one core and on all cores.
// Prints a Markdown table for bench/README.md.
#include "ns3/bandwidth-trace.h"
#include "ns3/session-batch.h"
#include "ns3/video-profile.h"

#include <CLI/CLI.hpp>
#include <chrono>
#include <iomanip>
#include <iostream>
#include <thread>

int
main(int argc, char** argv)
{
    using namespace ns3;
    CLI::App app{"Chunk-level simulator throughput: sessions per second per ABR"};
    std::string profile_path;
    std::string traces_path;
    std::uint32_t chunks = 48;
    std::uint32_t repeat = 5;
    std::string abr_list;
    app.add_option("--profile", profile_path, "video profile")->required();
    app.add_option("--traces", traces_path, "trace file or folder")->required();
    app.add_option("--chunks", chunks, "chunks per session (the profile repeats)")
        ->capture_default_str();
    app.add_option("--repeat", repeat, "passes over the traces per measurement")
        ->capture_default_str();
    app.add_option("--abr",
                   abr_list,
                   "comma-separated ABRs (default: all, and the offline optimum)");
    CLI11_PARSE(app, argc, argv);

    try
    {
        VideoProfile profile = VideoProfile::Load(profile_path).Looped(chunks);
        std::vector<BandwidthTrace> traces = LoadTraces(traces_path);
        std::vector<BandwidthTrace> work;
        for (std::uint32_t r = 0; r < repeat; ++r)
        {
            work.insert(work.end(), traces.begin(), traces.end());
        }
        std::vector<std::string> abrs = ListAbrNames();
        abrs.push_back(kOptimalName);
        if (!abr_list.empty())
        {
            abrs.clear();
            std::stringstream in(abr_list);
            for (std::string a; std::getline(in, a, ',');)
            {
                abrs.push_back(a);
            }
        }
        unsigned cores = std::max(1u, std::thread::hardware_concurrency());
        std::cout << "profile: " << profile.GetVideo().name << " (" << profile.GetCodec().name
                  << ", " << profile.GetChunkCount() << " chunks of "
                  << profile.GetChunkDuration_s() << " s, " << profile.GetLevelCount()
                  << (profile.IsLayered() ? " layers" : " levels") << "), traces: " << traces.size()
                  << " x " << repeat << " passes\n\n";
        std::cout << "| ABR | sessions/s, 1 core | sessions/s, " << cores
                  << " cores | speed-up |\n";
        std::cout << "|---|---:|---:|---:|\n";
        for (const std::string& abr : abrs)
        {
            double rate[2];
            unsigned threads[2] = {1, cores};
            for (int k = 0; k < 2; ++k)
            {
                BatchOptions options;
                options.threads = threads[k];
                // The offline optimum is slow: one pass is enough to time it.
                const std::vector<BandwidthTrace>& set = abr == kOptimalName ? traces : work;
                auto start = std::chrono::steady_clock::now();
                auto results = RunBatch(profile, set, {abr}, {1}, options);
                double seconds =
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                for (const auto& r : results)
                {
                    if (!r.error.empty())
                    {
                        std::cerr << abr << ": " << r.error << "\n";
                        return 1;
                    }
                }
                rate[k] = results.size() / seconds;
            }
            std::cout << "| " << abr << " | " << std::fixed << std::setprecision(0) << rate[0]
                      << " | " << rate[1] << " | " << std::setprecision(2) << rate[1] / rate[0]
                      << " |\n";
        }
        return 0;
    }
    catch (const std::exception& e)
    {
        std::cerr << "session-throughput: " << e.what() << "\n";
        return 2;
    }
}
