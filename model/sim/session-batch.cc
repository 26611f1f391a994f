#include "session-batch.h"

#include "offline-optimal.h"

#include "ns3/bandwidth-trace.h"
#include "ns3/compute-capacity.h"
#include "ns3/deterministic-random.h"
#include "ns3/input-error.h"
#include "ns3/session-log.h"
#include "ns3/video-profile.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <thread>

namespace ns3
{

namespace fs = std::filesystem;

namespace
{
constexpr std::uint64_t kCapacityStream = 0xc0ffee; // separates the capacity draws from others
constexpr double kCapacityExtra_s = 600;            // generated capacity outlasts the video

bool
IsTraceFile(const fs::path& p)
{
    std::string name = p.filename().string();
    return !name.empty() && name[0] != '.' && name != "SOURCE.md" && name != "README.md";
}

std::string
SafeName(const std::string& name)
{
    std::string s = fs::path(name).filename().string();
    for (char& c : s)
    {
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'))
        {
            c = '_';
        }
    }
    return s;
}

void
WriteSessionFiles(const std::string& dir,
                  const BatchResult& r,
                  const StreamingSession* session,
                  const QoeModel& qoe,
                  const VideoProfile& profile)
{
    fs::path folder = fs::path(dir) / "sessions" / r.abr;
    fs::create_directories(folder);
    std::string stem = SafeName(r.trace_name) + "-s" + std::to_string(r.seed);
    std::ofstream json(folder / (stem + ".json"));
    WriteSessionSummary(json,
                        r.summary,
                        qoe,
                        {{"abr", r.abr},
                         {"trace", r.trace_name},
                         {"seed", std::to_string(r.seed)},
                         {"profile", profile.GetVideo().name},
                         {"codec", profile.GetCodec().name},
                         {"simulator", "chunk-level"}});
    if (session)
    {
        std::ofstream csv(folder / (stem + ".csv"));
        WriteChunkLog(csv, *session);
    }
}
} // namespace

std::vector<std::string>
ListTraceFiles(const std::string& path)
{
    std::vector<std::string> files;
    if (fs::is_regular_file(path))
    {
        files.push_back(path);
        return files;
    }
    if (!fs::is_directory(path))
    {
        throw InputError::InFile(path, "no such trace file or folder");
    }
    for (const auto& entry : fs::recursive_directory_iterator(path))
    {
        if (entry.is_regular_file() && IsTraceFile(entry.path()))
        {
            files.push_back(entry.path().string());
        }
    }
    std::sort(files.begin(), files.end());
    if (files.empty())
    {
        throw InputError::InFile(path, "the folder holds no trace files");
    }
    return files;
}

std::vector<BandwidthTrace>
LoadTraces(const std::string& path, TraceFormat format)
{
    std::vector<BandwidthTrace> traces;
    for (const std::string& file : ListTraceFiles(path))
    {
        traces.push_back(BandwidthTrace::Load(file, format));
    }
    return traces;
}

std::vector<BatchResult>
RunBatch(const VideoProfile& profile,
         const std::vector<BandwidthTrace>& traces,
         const std::vector<std::string>& abrs,
         const std::vector<std::uint64_t>& seeds,
         const BatchOptions& options)
{
    for (const std::string& name : abrs)
    {
        if (name != kOptimalName)
        {
            // An unknown name, or a policy made for other content, fails here, before any work.
            CreateAbr(name)->CheckProfile(profile);
        }
    }
    ComputeCapacity file_capacity;
    bool generated = options.capacity == "swift";
    if (!options.capacity.empty() && !generated)
    {
        file_capacity = ComputeCapacity::Load(options.capacity);
    }
    const QoeModel qoe(profile, options.qoe);

    std::vector<BatchResult> results(traces.size() * seeds.size() * abrs.size());
    std::atomic<std::size_t> next_job{0};
    std::atomic<std::size_t> done{0};
    std::mutex io;

    auto worker = [&]() {
        while (true)
        {
            std::size_t job = next_job++;
            if (job >= results.size())
            {
                return;
            }
            std::size_t t = job / (seeds.size() * abrs.size());
            std::size_t s = (job / abrs.size()) % seeds.size();
            BatchResult& r = results[job];
            r.trace_index = t;
            r.trace_name = traces[t].GetName();
            r.abr = abrs[job % abrs.size()];
            r.seed = seeds[s];
            std::uint64_t session_seed = DeterministicRandom::Mix(r.seed, t);
            ChunkSimConfig sim = options.sim;
            if (options.random_start)
            {
                DeterministicRandom rng(session_seed);
                sim.trace_offset_s = rng.Uniform(0, traces[t].GetDuration_s());
            }
            ComputeCapacity capacity =
                generated ? ComputeCapacity::GenerateSwift(
                                profile.GetTotalDuration_s() + kCapacityExtra_s,
                                DeterministicRandom::Mix(session_seed, kCapacityStream))
                          : file_capacity;
            try
            {
                if (r.abr == kOptimalName)
                {
                    OfflineOptimal optimal(profile,
                                           traces[t],
                                           capacity,
                                           qoe,
                                           sim,
                                           options.optimal_step_s,
                                           options.optimal_step_s);
                    r.summary = optimal.Solve().summary;
                    if (!options.out_dir.empty())
                    {
                        std::lock_guard<std::mutex> lock(io);
                        WriteSessionFiles(options.out_dir, r, nullptr, qoe, profile);
                    }
                }
                else
                {
                    auto abr = CreateAbr(r.abr);
                    StreamingSession session(profile, *abr, capacity, qoe, sim.session);
                    RunChunkSession(session, traces[t], sim);
                    r.summary = session.Summary();
                    if (!options.out_dir.empty())
                    {
                        std::lock_guard<std::mutex> lock(io);
                        WriteSessionFiles(options.out_dir, r, &session, qoe, profile);
                    }
                }
            }
            catch (const std::exception& e)
            {
                r.error = e.what();
            }
            std::size_t finished = ++done;
            if (options.progress && (finished % 50 == 0 || finished == results.size()))
            {
                std::lock_guard<std::mutex> lock(io);
                std::cerr << "\r" << finished << "/" << results.size() << " sessions" << std::flush;
                if (finished == results.size())
                {
                    std::cerr << "\n";
                }
            }
        }
    };
    std::uint32_t threads =
        options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<std::uint32_t>(
        std::min<std::size_t>(threads, std::max<std::size_t>(results.size(), 1)));
    std::vector<std::thread> pool;
    for (std::uint32_t i = 1; i < threads; ++i)
    {
        pool.emplace_back(worker);
    }
    worker();
    for (auto& th : pool)
    {
        th.join();
    }
    return results;
}

} // namespace ns3
