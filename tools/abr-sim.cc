// abr-sim: the chunk-level simulator's command line. Profile + traces + ABRs + seeds in;
// a comparison table out, and per-session JSON summaries and per-chunk CSV logs on request.
#include "parse-options.h"

#include "ns3/batch-report.h"
#include "ns3/input-error.h"
#include "ns3/output-folder.h"
#include "ns3/session-batch.h"
#include "ns3/video-profile.h"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <sstream>

namespace
{
std::vector<std::string>
SplitList(const std::string& text)
{
    std::vector<std::string> items;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ','))
    {
        if (!item.empty())
        {
            items.push_back(item);
        }
    }
    return items;
}
} // namespace

int
main(int argc, char** argv)
{
    using namespace ns3;
    CLI::App app{"Chunk-level ABR simulator: runs traces x ABRs x seeds on a video profile and "
                 "prints the QoE of each ABR."};
    std::string profile_path;
    std::string traces_path;
    std::string trace_format = "auto";
    std::string abr_list = "all";
    std::uint32_t seed_count = 1;
    std::uint64_t first_seed = 1;
    std::string capacity;
    double rtt_ms = ChunkSimConfig().rtt_s * 1000;         // calibrated against ns-3 (100 ms)
    double payload_ratio = ChunkSimConfig().payload_ratio; // (0.97)
    double buffer_cap_s = 60;
    double startup_s = 0;
    std::uint32_t chunks = 0;
    double client_speed = 1;
    std::string qoe_metric = "linear";
    double rebuffer_penalty = std::nan("");
    double smooth_penalty = 1;
    double startup_penalty = std::nan("");
    bool random_start = false;
    std::uint32_t threads = 0;
    std::string out_dir;
    bool quiet = false;
    double optimal_step_s = 0.05;
    double scale = 1;

    app.add_option("--profile",
                   profile_path,
                   "video profile: JSON v1, a Sabre manifest, or a folder of Pensieve "
                   "video_size_<level> files")
        ->required();
    app.add_option("--traces",
                   traces_path,
                   "a bandwidth trace file, or a folder of them (searched recursively)")
        ->required();
    app.add_option("--trace-format",
                   trace_format,
                   "auto, pensieve, mahimahi, sabre, csv or belgium")
        ->capture_default_str();
    app.add_option(
           "--abr",
           abr_list,
           "comma-separated ABR names, 'all' (every ABR), and 'optimal' for the offline optimum")
        ->capture_default_str();
    app.add_option("--seeds",
                   seed_count,
                   "number of seeds per trace (seeds first-seed .. first-seed+n-1)")
        ->capture_default_str()
        ->check(CLI::Range(1u, 100000u));
    app.add_option("--first-seed", first_seed, "first seed")->capture_default_str();
    app.add_option("--capacity",
                   capacity,
                   "compute capacity: empty (full), 'swift' (Swift's generator, seeded) or a "
                   "time_s,capacity CSV file");
    app.add_option("--rtt-ms", rtt_ms, "request to first byte, per request (ms)")
        ->capture_default_str()
        ->check(CLI::Range(0.0, 60000.0));
    app.add_option("--payload-ratio", payload_ratio, "share of the link rate that carries payload")
        ->capture_default_str()
        ->check(CLI::Range(0.01, 1.0));
    app.add_option("--buffer-cap-s", buffer_cap_s, "buffer cap (s)")
        ->capture_default_str()
        ->check(CLI::Range(0.001, 1e6));
    app.add_option("--startup-s",
                   startup_s,
                   "video downloaded before playback starts (s); 0: the first chunk")
        ->capture_default_str()
        ->check(CLI::Range(0.0, 1e6));
    app.add_option("--chunks",
                   chunks,
                   "session length in chunks (the profile repeats); 0: the profile's own")
        ->capture_default_str();
    app.add_option("--client-speed",
                   client_speed,
                   "the client decodes this many times as fast as the machine the profile's "
                   "decode times were measured on (e.g. 4: a device four times faster; 0.5: a "
                   "phone at half the speed)")
        ->capture_default_str();
    app.add_option("--qoe", qoe_metric, "QoE quality term: linear, log, psnr or ssim")
        ->capture_default_str();
    app.add_option(
        "--rebuffer-penalty",
        rebuffer_penalty,
        "QoE weight of a second of stall (default: derived from the profile, Pensieve's rule)");
    app.add_option("--smooth-penalty", smooth_penalty, "QoE weight of quality changes")
        ->capture_default_str()
        ->check(CLI::Range(0.0, 1e9));
    app.add_option("--startup-penalty",
                   startup_penalty,
                   "QoE weight of a second of startup delay (default: the rebuffer weight)");
    app.add_flag("--random-start",
                 random_start,
                 "start each session at a random point of its trace (seeded)");
    app.add_option("--threads",
                   threads,
                   "worker threads (0: one per core); results do not depend on it")
        ->capture_default_str();
    app.add_option("--out", out_dir, "folder for sessions.csv, report.txt and per-session logs");
    app.add_option("--optimal-step-s", optimal_step_s, "cell size of the offline optimum's DP (s)")
        ->capture_default_str()
        ->check(CLI::Range(0.001, 10.0));
    app.add_option("--scale", scale, "multiply every trace's rate by this")
        ->capture_default_str()
        ->check(CLI::Range(1e-6, 1e6));
    app.add_flag("-q,--quiet", quiet, "no progress on stderr");
    if (std::optional<int> status = ParseOptions(app, "abr-sim", argc, argv))
    {
        return *status;
    }

    try
    {
        // Options first, before any file is read or any work done.
        if (chunks > 0)
        {
            CheckSessionChunks(chunks, "--chunks");
        }
        CheckClientSpeed(client_speed, "--client-speed");
        if (!out_dir.empty())
        {
            CheckOutputFolder("--out", out_dir);
        }
        VideoProfile profile = VideoProfile::Load(profile_path);
        if (chunks > 0)
        {
            profile = profile.Looped(chunks);
        }
        if (client_speed != 1)
        {
            profile = profile.WithClientSpeed(client_speed);
        }
        std::vector<BandwidthTrace> traces =
            LoadTraces(traces_path, ParseTraceFormat(trace_format));
        if (scale != 1)
        {
            for (auto& t : traces)
            {
                t = t.Scaled(scale);
            }
        }
        std::vector<std::string> abrs;
        for (const std::string& name : SplitList(abr_list))
        {
            if (name == "all")
            {
                for (const std::string& known : ListAbrNames())
                {
                    abrs.push_back(known);
                }
            }
            else
            {
                abrs.push_back(name);
            }
        }
        std::vector<std::uint64_t> seeds;
        for (std::uint32_t i = 0; i < seed_count; ++i)
        {
            seeds.push_back(first_seed + i);
        }
        BatchOptions options;
        options.sim.rtt_s = rtt_ms / 1000.0;
        options.sim.payload_ratio = payload_ratio;
        options.sim.session.limits.buffer_cap_s = buffer_cap_s;
        options.sim.session.buffer.startup_threshold_s = startup_s;
        options.qoe.metric = ParseQoeMetric(qoe_metric);
        options.qoe.rebuffer_per_s = rebuffer_penalty;
        options.qoe.smoothness = smooth_penalty;
        options.qoe.startup_per_s = startup_penalty;
        options.capacity = capacity;
        options.random_start = random_start;
        options.threads = threads;
        options.out_dir = out_dir;
        options.progress = !quiet;
        options.optimal_step_s = optimal_step_s;

        std::vector<BatchResult> results = RunBatch(profile, traces, abrs, seeds, options);

        std::ostringstream report;
        report << "profile " << profile.GetVideo().name << " (" << profile.GetCodec().name << ", "
               << (profile.IsLayered() ? "layered" : "ladder") << ", " << profile.GetChunkCount()
               << " chunks x " << profile.GetLevelCount() << " levels), " << traces.size()
               << " traces x " << seeds.size() << " seeds, QoE " << qoe_metric << "\n\n";
        PrintBatchReport(report, results, abrs);
        std::cout << report.str();
        if (!out_dir.empty())
        {
            std::ostringstream csv;
            WriteSessionsCsv(csv, results);
            WriteFileWhole((std::filesystem::path(out_dir) / "sessions.csv").string(), csv.str());
            WriteFileWhole((std::filesystem::path(out_dir) / "report.txt").string(), report.str());
        }
        for (const BatchResult& r : results)
        {
            if (!r.error.empty())
            {
                return 1;
            }
        }
        return 0;
    }
    catch (const InputError& e)
    {
        std::cerr << "abr-sim: " << e.what() << "\n";
        return 2;
    }
    catch (const std::exception& e)
    {
        std::cerr << "abr-sim: " << e.what() << "\n";
        return 1;
    }
}
