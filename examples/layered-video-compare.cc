// Compares ABRs at packet level: a folder of traces x a list of ABRs x seeds, each case one
// ns-3 session (LayeredVideoServer / LayeredVideoClient over a trace-driven bottleneck).
// Prints the comparison table (as abr-sim does for the chunk-level simulator), writes
// sessions.csv, report.txt, per-session logs and PNG plots under --out.
//
// Cases run in parallel processes on local cores (--jobs), or one at a time for job arrays:
//   layered-video-compare ... --writeJobs=jobs.txt     # then: parallel < jobs.txt
//   layered-video-compare ... --writeSlurm=array.sh    # then: sbatch array.sh
//   layered-video-compare ... --collect                # tables and plots from the files
// --chunkLevel also runs the chunk-level simulator on the same cases and reports the QoE gap;
// --calibrate searches its per-request RTT and payload ratio for the smallest median gap.
#include "compare-agreement.h"
#include "compare-cases.h"
#include "compare-plots.h"
#include "example-options.h"

#include "ns3/batch-report.h"
#include "ns3/command-line.h"
#include "ns3/core-module.h"
#include "ns3/input-error.h"
#include "ns3/session-batch.h"

#include <cmath>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <thread>

#ifndef LAYERED_VIDEO_SHARED_DIR
#define LAYERED_VIDEO_SHARED_DIR "../shared"
#endif

using namespace ns3;
using namespace compare;

namespace
{
std::vector<std::string>
SplitList(const std::string& text)
{
    std::vector<std::string> items;
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, ',');)
    {
        if (item == "all")
        {
            for (const std::string& name : ListAbrNames())
            {
                items.push_back(name);
            }
        }
        else if (!item.empty())
        {
            items.push_back(item);
        }
    }
    return items;
}

int
Run(int argc, char* argv[])
{
    CompareConfig config;
    config.profilePath = std::string(LAYERED_VIDEO_SHARED_DIR) + "/profiles/pensieve-envivio";
    config.tracesPath = std::string(LAYERED_VIDEO_SHARED_DIR) + "/traces/pensieve-test";
    std::string abrList = "bba,bola,robust-mpc,throughput";
    double caseNumber = -1;
    uint32_t jobs = std::max(1u, std::thread::hardware_concurrency());
    std::string writeJobs;
    std::string writeSlurm;
    bool collect = false;
    bool chunkLevel = false;
    bool calibrate = false;
    double rtt_ms = ChunkSimConfig().rtt_s * 1000;
    double payloadRatio = ChunkSimConfig().payload_ratio;
    std::string plotTrace;

    examples::ExampleOptions options(
        __FILE__,
        "Packet-level ABR comparison over a folder of traces (ns-3 sessions, one per trace x ABR "
        "x seed); prints a table and writes plots under --out. Exit status: 0 when every session "
        "played to its end, 1 when one failed, 2 on bad options or input.");
    options.Text("profile",
                 "video profile (JSON v1, Sabre manifest, Pensieve folder)",
                 config.profilePath);
    options.Text("traces",
                 "a trace file or a folder of them (searched recursively)",
                 config.tracesPath);
    options.Text("traceFormat",
                 "auto, pensieve, mahimahi, sabre, csv or belgium",
                 config.traceFormat,
                 {"auto", "pensieve", "mahimahi", "sabre", "csv", "belgium"});
    options.Text("abrs", "comma-separated ABR names (learned:POLICY_FILE too), or all", abrList);
    options.Count("seeds", "seeds (ns-3 runs) per trace and ABR", config.seeds, 1, 10000);
    options.Count("firstSeed", "the first seed", config.firstSeed, 1, 1000000000);
    options.Count("chunks",
                  "session length in chunks (the profile repeats); 0: its own",
                  config.chunks,
                  0,
                  static_cast<uint32_t>(kMaxSessionChunks));
    options.Number("bufferCap", "buffer cap (s)", config.bufferCap_s, 1e-3, 1e6);
    options.Number("startup",
                   "video buffered before playback starts (s)",
                   config.startup_s,
                   0,
                   1e6);
    options.Text("qoe",
                 "QoE quality term: linear, log, psnr or ssim",
                 config.qoe,
                 {"linear", "log", "psnr", "ssim"});
    options.Text("capacity",
                 "decoder compute capacity: empty, swift, or a CSV file",
                 config.capacity);
    options.Number("clientSpeed",
                   "the client decodes this many times as fast as the profiled machine",
                   config.clientSpeed,
                   1e-3,
                   1e6);
    options.Number("delay",
                   "one-way propagation delay of the bottleneck (ms)",
                   config.delay_ms,
                   0,
                   1e4);
    options.Text("queueSize", "bottleneck queue size (e.g. 100p, 150000B)", config.queueSize);
    options.Text("queueDisc",
                 "fifo, codel, fq-codel or pie",
                 config.queueDisc,
                 {"fifo", "codel", "fq-codel", "pie"});
    options.Number("loss",
                   "random packet loss on the downlink (probability, 0..0.9)",
                   config.loss,
                   0,
                   0.9);
    options.Text("out", "output folder", config.out);
    options.Count("jobs", "cases run at once in local processes", jobs, 1, 1024);
    options.Number("case",
                   "run only this case (0-based; for job arrays) and exit",
                   caseNumber,
                   -1,
                   1e9);
    options.Text("writeJobs", "write one command per case to this file (GNU parallel)", writeJobs);
    options.Text("writeSlurm", "write a SLURM array script running every case", writeSlurm);
    options.Flag("collect", "only read the cases' results, print and plot", collect);
    options.Text("plotTrace", "trace whose timeline is plotted (default: the first)", plotTrace);
    options.Flag("chunkLevel",
                 "also run the chunk-level simulator and report the QoE gap",
                 chunkLevel);
    options.Number("rttMs", "chunk-level model: per-request RTT (ms)", rtt_ms, 0, 1e4);
    options.Number("payloadRatio",
                   "chunk-level model: payload share of the link rate",
                   payloadRatio,
                   0.01,
                   1);
    options.Flag("calibrate",
                 "search the chunk-level RTT and payload ratio (implies --chunkLevel)",
                 calibrate);
    options.Parse(argc, argv);
    if (caseNumber != std::floor(caseNumber))
    {
        throw InputError("--case: " + std::to_string(caseNumber) + " is not a whole number");
    }
    const int64_t caseIndex = static_cast<int64_t>(caseNumber);
    examples::ParseQueueSize("queueSize", config.queueSize);
    CheckOutputFolder("--out", config.out);

    config.abrs = SplitList(abrList);
    if (config.abrs.empty())
    {
        throw InputError("--abrs: no ABR given");
    }
    // Every ABR's settings checked against the profile before any case runs.
    auto profile = std::make_shared<const VideoProfile>(VideoProfile::Load(config.profilePath));
    for (const std::string& abr : config.abrs)
    {
        examples::CheckClientSettings(profile,
                                      "abrs",
                                      abr,
                                      config.chunks,
                                      config.capacity,
                                      config.clientSpeed);
    }
    std::vector<CompareCase> cases = ListCases(config);
    if (caseIndex >= 0)
    {
        if (static_cast<size_t>(caseIndex) >= cases.size())
        {
            throw InputError("--case: " + std::to_string(caseIndex) + " is not in 0.." +
                             std::to_string(cases.size() - 1));
        }
        const CompareCase& c = cases[caseIndex];
        int rc = RunCase(config, c);
        std::cout << "case " << caseIndex << ": " << c.abr << " " << c.traceName << " seed "
                  << c.seed << (rc == 0 ? "" : " FAILED") << " -> " << CaseStem(config, c)
                  << ".json\n";
        return rc;
    }
    // The arguments that define the cases, repeated in every job's command line.
    std::vector<std::string> arguments;
    for (int i = 1; i < argc; ++i)
    {
        std::string a = argv[i];
        if (a.rfind("--writeJobs", 0) != 0 && a.rfind("--writeSlurm", 0) != 0 &&
            a.rfind("--jobs", 0) != 0)
        {
            arguments.push_back(a);
        }
    }
    std::string program = std::filesystem::absolute(argv[0]).string();
    if (!writeJobs.empty())
    {
        std::ostringstream jobsFile;
        for (const CompareCase& c : cases)
        {
            jobsFile << CaseCommand(program, arguments, std::to_string(c.index)) << "\n";
        }
        WriteFileWhole(writeJobs, jobsFile.str());
        std::cout << cases.size() << " jobs written to " << writeJobs
                  << "; run them with `parallel < " << writeJobs
                  << "`, then this command with --collect\n";
    }
    if (!writeSlurm.empty())
    {
        std::ostringstream slurm;
        slurm << "#!/bin/bash\n#SBATCH --job-name=layered-video-compare\n#SBATCH --array=0-"
              << cases.size() - 1 << "\n#SBATCH --ntasks=1\n#SBATCH --cpus-per-task=1\n"
              << CaseCommand(program, arguments, "${SLURM_ARRAY_TASK_ID}") << "\n";
        WriteFileWhole(writeSlurm, slurm.str());
        std::cout << "SLURM array of " << cases.size() << " tasks written to " << writeSlurm
                  << "; submit it with sbatch, then run this command with --collect\n";
    }
    if (!writeJobs.empty() || !writeSlurm.empty())
    {
        return 0;
    }
    if (!collect)
    {
        RunCasesLocally(config, cases, jobs);
    }
    std::vector<BatchResult> results = CollectResults(config, cases);
    std::ostringstream report;
    report << "packet-level (ns-3): " << cases.size() << " sessions, profile " << config.profilePath
           << ", traces " << config.tracesPath << "\n\n";
    PrintBatchReport(report, results, config.abrs);
    if (chunkLevel || calibrate)
    {
        if (calibrate)
        {
            std::tie(rtt_ms, payloadRatio) = Calibrate(report, config, results, jobs);
            rtt_ms *= 1000;
            report << "\n";
        }
        auto chunk = RunChunkLevel(config, rtt_ms / 1000, payloadRatio, jobs);
        report << std::defaultfloat << std::setprecision(6)
               << "\nagreement with the chunk-level simulator (rtt " << rtt_ms
               << " ms, payload ratio " << payloadRatio << "): gap = QoE packet - QoE chunk\n";
        PrintAgreement(report, results, chunk, config.abrs);
        WriteAgreementCsv(config.out + "/agreement.csv", results, chunk);
    }
    std::cout << report.str();
    WriteFileWhole(config.out + "/report.txt", report.str());
    std::ostringstream csv;
    WriteSessionsCsv(csv, results);
    WriteFileWhole(config.out + "/sessions.csv", csv.str());

    std::string cdf = PlotQoeCdf(config.out, results, config.abrs);
    const CompareCase* shown = nullptr;
    for (const CompareCase& c : cases)
    {
        shown = !shown && (plotTrace.empty() || c.traceName == plotTrace) ? &c : shown;
    }
    std::string timeline;
    std::vector<std::pair<std::string, std::string>> logs;
    if (shown)
    {
        for (const CompareCase& c : cases)
        {
            const std::string log = CaseStem(config, c) + ".csv";
            if (c.traceIndex == shown->traceIndex && c.seed == shown->seed &&
                std::filesystem::exists(log))
            {
                logs.emplace_back(c.abr, log);
            }
        }
    }
    if (shown && !logs.empty())
    {
        timeline = PlotTimeline(
            config.out,
            BandwidthTrace::Load(shown->tracePath, ParseTraceFormat(config.traceFormat)),
            shown->traceName,
            logs);
    }
    std::cout << "\nwritten: " << config.out << "/sessions.csv, report.txt"
              << (cdf.empty() ? "" : ", " + cdf) << (timeline.empty() ? "" : ", " + timeline)
              << "\n";
    for (const BatchResult& r : results)
    {
        if (!r.error.empty())
        {
            return 1;
        }
    }
    return 0;
}
} // namespace

int
main(int argc, char* argv[])
{
    return examples::RunExample("layered-video-compare", [&] { return Run(argc, argv); });
}
